using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Testing;
using Kennisplatform.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// A full or read-only disk refuses a write: the visitor gets a Dutch "kon niet opslaan" page with 503, and nothing is
/// half-written, neither in the database nor in the media folder.
/// </summary>
public class DiskProblemTests(DiskProblemTests.Factory factory) : IClassFixture<DiskProblemTests.Factory>
{
    /// <summary>While armed, every write to the content database fails as the engine fails on a full or read-only disk.</summary>
    public sealed class StorageSwitch : DbCommandInterceptor
    {
        public volatile string? Failing;

        private void Check(DbCommand command)
        {
            if (Failing is not { } problem || command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
                return;
            throw (problem, TestEngine.Engine) switch
            {
                ("vol", DatabaseEngine.Sqlite) => new SqliteException("SQLite Error 13: 'database or disk is full'.", 13),
                ("alleen-lezen", DatabaseEngine.Sqlite) => new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8),
                ("vol", _) => new PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", PostgresErrorCodes.DiskFull),
                _ => new PostgresException("cannot execute INSERT in a read-only transaction", "ERROR", "ERROR", PostgresErrorCodes.ReadOnlySqlTransaction),
            };
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    public sealed class Factory() : InterceptedSiteFactory(new StorageSwitch())
    {
        public StorageSwitch Storage => (StorageSwitch)Interceptor;
    }

    [Theory]
    [InlineData("vol", "De opslag van de website is vol")]
    [InlineData("alleen-lezen", "kan nu niet worden geschreven")]
    public async Task A_save_the_storage_refuses_shows_kon_niet_opslaan_and_changes_nothing(string problem, string message)
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var title = $"Opslag {problem} {Guid.NewGuid():N}";
        factory.Storage.Failing = problem;
        HttpResponseMessage refused;
        AngleSharp.Html.Dom.IHtmlDocument page;
        try
        {
            (refused, page) = await EditingTests.PostAsync(redacteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", EditingTests.NewCase(title), ("actie", "opslaan"));
        }
        finally
        {
            factory.Storage.Failing = null;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("300", refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Kon niet opslaan", page.Text("h1"));
        Assert.Contains(message, page.Text("main"));
        Assert.Contains("niets half opgeslagen", page.Text("main"));
        Assert.False(await CountAsync(db => db.Items.Where(i => i.Title == title)) > 0);

        // Once the disk has room again, the same form saves as usual: nothing was left that stands in the way.
        var (saved, _) = await EditingTests.PostAsync(redacteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", EditingTests.NewCase(title), ("actie", "opslaan"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await CountAsync(db => db.Items.Where(i => i.Title == title)));
    }

    [Fact]
    public async Task An_upload_the_database_refuses_leaves_no_file_behind()
    {
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        var alt = $"Plein {Guid.NewGuid():N}";
        var before = MediaFiles();
        factory.Storage.Failing = "vol";
        HttpResponseMessage response;
        try
        {
            (response, _) = await MediaTests.UploadAsync(auteur, MediaTests.Png, "plein.png", alt);
        }
        finally
        {
            factory.Storage.Failing = null;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(before, MediaFiles());
        Assert.Equal(0, await CountAsync(db => db.Media.Where(m => m.AltText == alt)));

        var (stored, _) = await MediaTests.UploadAsync(auteur, MediaTests.Png, "plein.png", alt);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(before.Count + 1, MediaFiles().Count);
    }

    [Fact]
    public async Task The_error_page_opened_directly_is_an_ordinary_page()
    {
        using var response = await factory.CreatePlainClient().GetAsync("/fout");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Kon niet opslaan", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every file under the media folder, the folder for uploads in progress included.</summary>
    private List<string> MediaFiles()
    {
        var folder = Path.Combine(factory.DataFolder, "media");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order().ToList() : [];
    }

    private async Task<int> CountAsync<T>(Func<ContentDb, IQueryable<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ContentDb>()).CountAsync();
    }
}

/// <summary>Runs where this process may mount a tmpfs (root in a container that allows it); skipped, saying so, elsewhere.</summary>
public sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        var probe = Directory.CreateTempSubdirectory("kp-mount-").FullName;
        if (FullDiskTests.Run("mount", $"-t tmpfs -o size=1m tmpfs {probe}"))
            FullDiskTests.Run("umount", probe);
        else
            Skip = "Needs the right to mount a tmpfs, to fill a real disk.";
        Directory.Delete(probe);
    }
}

/// <summary>The data folder on a real file system that fills up: a small tmpfs mounted over it.</summary>
public class FullDiskTests
{
    internal static bool Run(string command, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [MountFact]
    public async Task On_a_full_disk_an_upload_and_a_save_answer_503_and_leave_nothing_half_written()
    {
        var factory = new SiteFactory();
        Assert.True(Run("mount", $"-t tmpfs -o size=64m tmpfs {factory.DataFolder}"));
        try
        {
            var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
            var media = Path.Combine(factory.DataFolder, "media");
            int MediaFiles() => Directory.Exists(media) ? Directory.GetFiles(media, "*", SearchOption.AllDirectories).Length : 0;
            var existing = MediaFiles();
            // Fill the disk to the last byte (unbuffered, so nothing is left to write when the file closes).
            using (var filler = new FileStream(Path.Combine(factory.DataFolder, "vulling"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                foreach (var size in new[] { 64 * 1024, 1 })
                {
                    var block = new byte[size];
                    try
                    {
                        while (true)
                            filler.Write(block);
                    }
                    catch (IOException)
                    {
                    }
                }
            }

            var picture = new byte[256 * 1024];
            MediaTests.Png.CopyTo(picture, 0);
            var (upload, uploadPage) = await MediaTests.UploadAsync(redacteur, picture, "groot.png", "Een groot plaatje");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
            Assert.Equal("Kon niet opslaan", uploadPage.Text("h1"));
            Assert.Equal(existing, MediaFiles());

            if (TestEngine.Engine == DatabaseEngine.Sqlite)
            {
                var title = "Een heel lang verhaal op een volle schijf";
                var fields = EditingTests.NewCase(title);
                fields["body"] = string.Concat(Enumerable.Repeat("Een zin over de buurt die steeds weer terugkomt. ", 8000));
                var (save, savePage) = await EditingTests.PostAsync(redacteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", fields, ("actie", "opslaan"));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
                Assert.Equal("Kon niet opslaan", savePage.Text("h1"));

                File.Delete(Path.Combine(factory.DataFolder, "vulling"));
                await using var scope = factory.Services.CreateAsyncScope();
                Assert.False(await scope.ServiceProvider.GetRequiredService<ContentDb>().Items.AnyAsync(i => i.Title == title));
            }
        }
        finally
        {
            factory.Dispose();
            SqliteConnection.ClearAllPools();
            Run("umount", $"-l {factory.DataFolder}");
            try { Directory.Delete(factory.DataFolder, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>A data folder the site cannot use is named for what it is, not taken for another running site.</summary>
[Trait(TestEngine.Trait, TestEngine.NoDatabase)]
public class DataFolderProblemTests
{
    private static string Problem(string folder)
    {
        using var taken = Hosting.SiteLock.TryTake(new Hosting.PlatformOptions { DataFolder = folder }, out var problem);
        Assert.Null(taken);
        return problem;
    }

    [Fact]
    public void A_file_in_place_of_the_data_folder_is_named_a_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Contains("is een bestand, geen map", Problem(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_folder_held_by_a_running_site_is_reported_as_such()
    {
        var folder = Directory.CreateTempSubdirectory("kp-lock-").FullName;
        try
        {
            using var running = Hosting.SiteLock.TryTake(new Hosting.PlatformOptions { DataFolder = folder }, out _);
            Assert.NotNull(running);
            Assert.Contains("Er draait al een website met deze datamap", Problem(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [MountFact]
    public void A_read_only_folder_and_a_folder_that_cannot_be_made_say_so()
    {
        var folder = Directory.CreateTempSubdirectory("kp-ro-").FullName;
        Assert.True(FullDiskTests.Run("mount", $"-t tmpfs -o ro,size=1m tmpfs {folder}"));
        try
        {
            Assert.Contains("kan niet worden geschreven (alleen-lezen", Problem(folder));
            Assert.Contains("bestaat niet en kan niet worden gemaakt", Problem(Path.Combine(folder, "data")));
        }
        finally
        {
            FullDiskTests.Run("umount", folder);
            Directory.Delete(folder);
        }
    }
}
