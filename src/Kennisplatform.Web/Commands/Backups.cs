using System.IO.Compression;
using System.Text.Json;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Hosting;
using Kennisplatform.Web.Moving;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Commands;

/// <summary>
/// backup and restore: one zip file holds a consistent snapshot of the database (content, revisions, submissions,
/// audit log and accounts: one SQLite file) and every uploaded media file, with a small manifest. The search index
/// is left out: it is derived data and rebuilds itself on the next start.
/// A restore checks the whole file before it touches anything, and never throws the current data away: on SQLite it
/// moves it into a folder "voor-herstel-…" inside the data folder; on PostgreSQL it first writes a backup
/// "voor-herstel-….zip" there. On PostgreSQL the snapshot is one repeatable-read transaction copied into a SQLite file.
/// </summary>
public sealed class Backups(PlatformOptions options, ContentDb content, AccountsDb accounts, TimeProvider clock)
{
    public const int FormatVersion = 1;
    private const string ManifestEntry = "backup.json";
    private const string DatabaseEntry = "kennisplatform.db";
    private const string MediaPrefix = "media/";

    public sealed record Manifest(int Format, DateTime CreatedAt, int Items, int Accounts, int MediaFiles, IReadOnlyList<string> Migrations);

    public async Task<int> BackupAsync(string target, TextWriter output, TextWriter errors)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target) || Directory.Exists(target))
        {
            errors.WriteLine($"{target} bestaat al. Een backup overschrijft nooit iets: kies een nieuwe naam.");
            return 1;
        }
        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            errors.WriteLine($"De map {Path.GetDirectoryName(target)} bestaat niet.");
            return 1;
        }

        var work = Directory.CreateTempSubdirectory("kp-backup-").FullName;
        var partial = target + ".deel";
        try
        {
            var snapshot = Path.Combine(work, DatabaseEntry);
            if (options.DatabaseTarget.Engine == DatabaseEngine.Sqlite)
            {
                // VACUUM INTO writes a consistent copy while the site keeps running (readers and writers are not blocked).
                await using var connection = await OpenReadOnlyAsync(options.DatabasePath);
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.AddWithValue("$path", snapshot);
                await vacuum.ExecuteNonQueryAsync();
            }
            else if (!await CopyAsync(options.DatabaseTarget, DatabaseTarget.Sqlite(snapshot), TextWriter.Null, emptyTargetFirst: false))
            {
                errors.WriteLine("De kopie van de database klopt niet (de aantallen verschillen); er is geen backup geschreven.");
                return 1;
            }
            var media = Directory.Exists(options.MediaFolder) ? Directory.GetFiles(options.MediaFolder).Order(StringComparer.Ordinal).ToList() : [];
            var manifest = await DescribeAsync(snapshot, media.Count);

            await using (var file = File.Create(partial))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                await using (var entry = await zip.CreateEntry(ManifestEntry).OpenAsync())
                    await JsonSerializer.SerializeAsync(entry, manifest, new JsonSerializerOptions { WriteIndented = true });
                await zip.CreateEntryFromFileAsync(snapshot, DatabaseEntry, CompressionLevel.Optimal);
                foreach (var path in media)
                    await zip.CreateEntryFromFileAsync(path, MediaPrefix + Path.GetFileName(path), CompressionLevel.NoCompression);
            }
            File.Move(partial, target);
            output.WriteLine($"Backup geschreven naar {target}: {Counts(manifest)} ({new FileInfo(target).Length / 1024.0 / 1024.0:0.0} MB).");
            return 0;
        }
        finally
        {
            File.Delete(partial);
            Directory.Delete(work, recursive: true);
        }
    }

    public async Task<int> RestoreAsync(string source, bool replace, Func<bool> siteIsRunning, TextWriter output, TextWriter errors)
    {
        source = Path.GetFullPath(source);
        // Unpacked inside the data folder, so moving it into place never crosses a file system.
        var work = Directory.CreateDirectory(Path.Combine(options.DataFolder, $".herstel-{Guid.NewGuid():N}")).FullName;
        try
        {
            // Everything is checked before anything in the data folder changes.
            var (manifest, problem) = await UnpackAsync(source, work);
            if (problem is not null)
            {
                errors.WriteLine($"{source}: {problem}");
                errors.WriteLine("Er is niets teruggezet.");
                return 1;
            }
            var hasData = await content.Items.AnyAsync() || await accounts.Users.AnyAsync();
            if (Refusal(siteIsRunning(), hasData, replace) is { } refusal)
            {
                errors.WriteLine(refusal);
                return 1;
            }

            string? keptIn;
            if (options.DatabaseTarget.Engine == DatabaseEngine.Sqlite)
            {
                SqliteConnection.ClearAllPools();
                keptIn = hasData ? MoveCurrentDataAside() : null;
                if (!hasData)
                    DeleteEmptyData();
                File.Move(Path.Combine(work, DatabaseEntry), options.DatabasePath);
                await DatabaseSetup.RunExclusiveAsync(options.DatabaseTarget, async () =>
                {
                    // A backup from an older version gets this version's migrations now, not on the first request.
                    await DatabaseSetup.MigrateAsync(content);
                    await DatabaseSetup.MigrateAsync(accounts);
                });
            }
            else
            {
                // A database server's data cannot be moved aside as a file: it is first written to a backup of its own.
                keptIn = hasData ? Path.Combine(options.DataFolder, $"voor-herstel-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}.zip") : null;
                if (keptIn is not null && await BackupAsync(keptIn, TextWriter.Null, errors) != 0)
                {
                    errors.WriteLine("Er is niets teruggezet.");
                    return 1;
                }
                // The backup's SQLite file gets this version's migrations, then replaces the server's rows in one transaction.
                if (!await CopyAsync(DatabaseTarget.Sqlite(Path.Combine(work, DatabaseEntry)), options.DatabaseTarget, errors, emptyTargetFirst: true))
                {
                    errors.WriteLine("De aantallen kloppen niet na het terugzetten; alles is teruggedraaid en er is niets teruggezet.");
                    return 1;
                }
            }
            PutMediaInPlace(Path.Combine(work, "media"));
            if (Directory.Exists(options.IndexFolder))
                Directory.Delete(options.IndexFolder, recursive: true); // rebuilt from the restored database on start

            output.WriteLine($"Teruggezet uit {source} (gemaakt op {Content.Model.DutchTime.Date(manifest!.CreatedAt)} om {Content.Model.DutchTime.Time(manifest.CreatedAt)}): {Counts(manifest)}.");
            if (keptIn is not null)
                output.WriteLine($"De gegevens van voor het terugzetten staan in {keptIn}.");
            output.WriteLine("De zoekindex wordt bij de volgende start opnieuw opgebouwd.");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private string? Refusal(bool siteIsRunning, bool hasData, bool replace) =>
        siteIsRunning ? "De website draait met deze datamap. Stop die eerst, zet dan de backup terug en start de website opnieuw."
        : hasData && !replace ? $"De datamap {options.DataFolder} bevat al inhoud of accounts. Zet de backup terug met --replace: de huidige gegevens gaan dan eerst naar een map voor-herstel-… in de datamap."
        : null;

    private static readonly string[] DatabaseFileSuffixes = ["", "-wal", "-shm"];

    /// <summary>Moves the current database and media to voor-herstel-… in the data folder: a restore never deletes data.</summary>
    private string MoveCurrentDataAside()
    {
        var keptIn = Path.Combine(options.DataFolder, $"voor-herstel-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(keptIn);
        foreach (var suffix in DatabaseFileSuffixes)
            if (File.Exists(options.DatabasePath + suffix))
                File.Move(options.DatabasePath + suffix, Path.Combine(keptIn, Path.GetFileName(options.DatabasePath) + suffix));
        if (options.MediaIsShared)
            CopyFiles(options.MediaFolder, Directory.CreateDirectory(Path.Combine(keptIn, "media")).FullName);
        else if (Directory.Exists(options.MediaFolder))
            Directory.Move(options.MediaFolder, Path.Combine(keptIn, "media"));
        return keptIn;
    }

    /// <summary>
    /// Makes the media folder hold exactly the restored files. A folder in the data folder is swapped whole; a shared
    /// one (often a mount point on another file system) keeps its place and gets its files replaced.
    /// </summary>
    private void PutMediaInPlace(string restored)
    {
        if (!options.MediaIsShared)
        {
            if (Directory.Exists(options.MediaFolder))
                Directory.Delete(options.MediaFolder, recursive: true);
            Directory.Move(restored, options.MediaFolder);
            return;
        }
        Directory.CreateDirectory(options.MediaFolder);
        foreach (var old in Directory.GetFiles(options.MediaFolder))
            File.Delete(old);
        CopyFiles(restored, options.MediaFolder);
    }

    private static void CopyFiles(string from, string to)
    {
        if (!Directory.Exists(from))
            return;
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    /// <summary>Removes a database without content or accounts (made by the migrations of this very command).</summary>
    private void DeleteEmptyData()
    {
        foreach (var suffix in DatabaseFileSuffixes)
            File.Delete(options.DatabasePath + suffix);
    }

    /// <summary>
    /// Copies a whole site between databases with the copy-database machinery (migrating both first): how a backup is
    /// made from, and restored onto, PostgreSQL. The backup itself is always one SQLite file, so it restores on either engine.
    /// </summary>
    private static async Task<bool> CopyAsync(DatabaseTarget source, DatabaseTarget target, TextWriter progress, bool emptyTargetFirst)
    {
        try
        {
            await SiteDatabase.MigrateAsync(source);
            await SiteDatabase.MigrateAsync(target);
            await using var from = await SiteDatabase.OpenAsync(source);
            await using var into = await SiteDatabase.OpenAsync(target);
            return (await CopyDatabaseCommand.CopyAllAsync(from, into, progress, emptyTargetFirst)).Matched;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static string Counts(Manifest m) =>
        $"{m.Items} item{(m.Items == 1 ? "" : "s")}, {m.Accounts} account{(m.Accounts == 1 ? "" : "s")}, {m.MediaFiles} mediabestand{(m.MediaFiles == 1 ? "" : "en")}";

    /// <summary>Reads and checks the archive into <paramref name="work"/>: the database in it, its media in work/media.</summary>
    private async Task<(Manifest? Manifest, string? Problem)> UnpackAsync(string source, string work)
    {
        if (!File.Exists(source))
            return (null, "dit bestand bestaat niet.");
        var media = Directory.CreateDirectory(Path.Combine(work, "media")).FullName;
        Manifest? manifest = null;
        var hasDatabase = false;
        var mediaCount = 0;
        try
        {
            await using var file = File.OpenRead(source);
            await using var zip = await ZipArchive.CreateAsync(file, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName == ManifestEntry)
                {
                    await using var stream = await entry.OpenAsync();
                    manifest = await JsonSerializer.DeserializeAsync<Manifest>(stream);
                }
                else if (entry.FullName == DatabaseEntry)
                {
                    await entry.ExtractToFileAsync(Path.Combine(work, DatabaseEntry));
                    hasDatabase = true;
                }
                else if (entry.FullName.StartsWith(MediaPrefix, StringComparison.Ordinal)
                    && entry.FullName[MediaPrefix.Length..] is { Length: > 0 } name
                    && name.IndexOfAny(['/', '\\']) < 0 && name is not "." and not ".." && name == Path.GetFileName(name))
                {
                    await entry.ExtractToFileAsync(Path.Combine(media, name));
                    mediaCount++;
                }
                else
                    return (null, $"onverwacht onderdeel \"{entry.FullName}\"; dit is geen backup van het platform.");
            }
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or NotSupportedException)
        {
            return (null, "dit is geen leesbare backup van het platform (geen geldig zip-bestand of beschrijving).");
        }
        if (manifest is null || !hasDatabase)
            return (null, $"de beschrijving ({ManifestEntry}) of de database ({DatabaseEntry}) ontbreekt; dit is geen backup van het platform.");
        if (manifest.Format != FormatVersion)
            return (null, $"deze backup heeft formaat {manifest.Format}; deze versie van het platform leest formaat {FormatVersion}.");
        if (mediaCount != manifest.MediaFiles)
            return (null, $"de backup zegt {manifest.MediaFiles} mediabestanden te bevatten, maar bevat er {mediaCount}.");
        return await CheckDatabaseAsync(Path.Combine(work, DatabaseEntry), manifest, mediaCount) is { } problem ? (null, problem) : (manifest, null);
    }

    /// <summary>The unpacked database is sound, from this version or an older one, and holds what the manifest says.</summary>
    private async Task<string?> CheckDatabaseAsync(string database, Manifest manifest, int mediaCount)
    {
        try
        {
            await using var connection = await OpenReadOnlyAsync(database);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            if (await check.ExecuteScalarAsync() as string != "ok")
                return "de database in de backup is beschadigd.";
        }
        catch (SqliteException)
        {
            return "de database in de backup is geen leesbare SQLite-database.";
        }
        var found = await DescribeAsync(database, mediaCount);
        // The file in a backup is SQLite whatever engine made it, so it is compared with this version's SQLite steps.
        var file = DatabaseTarget.Sqlite(database);
        await using var fileContent = ContentDb.Open(file);
        await using var fileAccounts = AccountsDb.Open(file);
        var known = fileContent.Database.GetMigrations().Concat(fileAccounts.Database.GetMigrations()).ToHashSet();
        if (found.Migrations.FirstOrDefault(m => !known.Contains(m)) is { } newer)
            return $"deze backup komt van een nieuwere versie van het platform (database-stap {newer}). Werk eerst het platform bij.";
        if (found.Items != manifest.Items || found.Accounts != manifest.Accounts)
            return "de database past niet bij de beschrijving in de backup.";
        return null;
    }

    /// <summary>A read-only connection of its own (no pool), so the file can be moved as soon as it is closed.</summary>
    private static async Task<SqliteConnection> OpenReadOnlyAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Counts what a database file holds and which migrations it has, read straight from SQLite.</summary>
    private async Task<Manifest> DescribeAsync(string database, int mediaFiles)
    {
        await using var connection = await OpenReadOnlyAsync(database);

        async Task<List<string>> ColumnAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var values = new List<string>();
            try
            {
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    values.Add(reader.GetValue(0).ToString()!);
            }
            catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
            {
                // An older or empty database lacks the table: it counts as none.
            }
            return values;
        }

        var migrations = (await ColumnAsync("SELECT MigrationId FROM __EFMigrationsHistory"))
            .Concat(await ColumnAsync($"SELECT MigrationId FROM {AccountsDb.MigrationsTable}")).ToList();
        var items = int.Parse((await ColumnAsync("SELECT COUNT(*) FROM Items")).FirstOrDefault() ?? "0");
        var users = int.Parse((await ColumnAsync("SELECT COUNT(*) FROM AccountUsers")).FirstOrDefault() ?? "0");
        return new Manifest(FormatVersion, clock.GetUtcNow().UtcDateTime, items, users, mediaFiles, migrations);
    }
}
