using System.Data.Common;
using Kennisplatform.Content.Storage;

namespace Kennisplatform.Web.Moving;

/// <summary>
/// copy-database --to "CONNECTION": the whole site (content, revisions, accounts, media, audit log, submissions, keys)
/// from this site's database into another one, SQLite or PostgreSQL either way. The target must be empty; the copy is
/// one transaction that is committed only when every table holds as many rows as the source.
/// </summary>
public static class CopyDatabaseCommand
{
    public static async Task<int> RunAsync(DatabaseTarget source, string? to, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            errors.WriteLine("Geef op waar de kopie heen gaat: copy-database --to \"Host=…;Database=…;Username=…;Password=…\" (PostgreSQL) of --to \"Data Source=/pad/kennisplatform.db\" (SQLite).");
            return 2;
        }
        var (target, problem) = DatabaseTarget.Parse(to);
        if (target is null)
        {
            errors.WriteLine(problem);
            return 2;
        }
        if (target.Describe() == source.Describe())
        {
            errors.WriteLine($"Bron en doel zijn dezelfde database ({source.Describe()}).");
            return 1;
        }
        try
        {
            await SiteDatabase.MigrateAsync(source, cancellationToken);
            await SiteDatabase.MigrateAsync(target, cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
        {
            errors.WriteLine($"De database {target.Describe()} is niet bereikbaar of niet te gebruiken: {e.Message}");
            errors.WriteLine("Er is niets gekopieerd.");
            return 1;
        }

        await using var from = await SiteDatabase.OpenAsync(source, cancellationToken);
        await using var into = await SiteDatabase.OpenAsync(target, cancellationToken);
        var filled = new List<string>();
        foreach (var context in into.Contexts)
            filled.AddRange((await DatabaseCopy.CountAsync(context, cancellationToken)).Where(c => c.Value > 0).Select(c => $"{c.Key} ({c.Value})"));
        if (filled.Count > 0)
        {
            errors.WriteLine($"De database {target.Describe()} is niet leeg: {string.Join(", ", filled)}. Kopieer alleen naar een lege database; er is niets gekopieerd.");
            return 1;
        }

        errors.WriteLine($"Kopiëren van {source.Describe()} naar {target.Describe()}…");
        var (counts, matched) = await CopyAllAsync(from, into, errors, emptyTargetFirst: false, cancellationToken);
        if (!matched)
        {
            foreach (var count in counts.Where(c => c.Source != c.Target))
                errors.WriteLine($"{count.Table}: {count.Source} in de bron, {count.Target} in de kopie.");
            errors.WriteLine("De aantallen kloppen niet; de kopie is teruggedraaid en het doel is weer leeg.");
            return 1;
        }
        output.WriteLine($"Gekopieerd naar {target.Describe()}; de aantallen kloppen voor elke tabel:");
        foreach (var count in counts)
            output.WriteLine($"  {count.Table}: {count.Target}");
        return 0;
    }

    /// <summary>
    /// Copies every table of both contexts from one snapshot of <paramref name="from"/> into <paramref name="into"/>, in
    /// one transaction on the target that is committed only when every table holds as many rows as the source. With
    /// <paramref name="emptyTargetFirst"/> the target's rows are deleted inside that same transaction, so a failed copy
    /// leaves the target as it was.
    /// </summary>
    public static async Task<(List<TableCount> Counts, bool Matched)> CopyAllAsync(SiteDatabase from, SiteDatabase into, TextWriter progressTo, bool emptyTargetFirst, CancellationToken cancellationToken = default)
    {
        await using var reading = await from.BeginAsync(reading: true, cancellationToken);
        await using var writing = await into.BeginAsync(reading: false, cancellationToken);
        if (emptyTargetFirst)
            foreach (var context in into.Contexts.Reverse())
                await DatabaseCopy.EmptyAsync(context, cancellationToken);
        var progress = new TableProgress(progressTo);
        await DatabaseCopy.CopyAsync(from.Content, into.Content, progress, cancellationToken);
        await DatabaseCopy.CopyAsync(from.Accounts, into.Accounts, progress, cancellationToken);
        var counts = await CompareAsync(from, into, cancellationToken);
        if (counts.Any(c => c.Source != c.Target))
        {
            await writing.RollbackAsync(cancellationToken);
            return (counts, false);
        }
        await writing.CommitAsync(cancellationToken);
        return (counts, true);
    }

    /// <summary>Rows per table in both databases, every table of both contexts.</summary>
    public static async Task<List<TableCount>> CompareAsync(SiteDatabase source, SiteDatabase target, CancellationToken cancellationToken = default)
    {
        var counts = new List<TableCount>();
        foreach (var (from, into) in source.Contexts.Zip(target.Contexts))
        {
            var before = await DatabaseCopy.CountAsync(from, cancellationToken);
            var after = await DatabaseCopy.CountAsync(into, cancellationToken);
            counts.AddRange(before.Select(c => new TableCount(c.Key, c.Value, after.GetValueOrDefault(c.Key))));
        }
        return counts;
    }

    /// <summary>"Items: 120/510 (23%)" on one line per table, at most a hundred updates a table.</summary>
    public sealed class TableProgress(TextWriter writer) : IProgress<(string Table, long Done, long Total)>
    {
        private string table = "";
        private long lastPercent = -1;

        public void Report((string Table, long Done, long Total) value)
        {
            var percent = value.Total == 0 ? 100 : value.Done * 100 / value.Total;
            if (value.Table == table && percent == lastPercent)
                return;
            table = value.Table;
            lastPercent = percent;
            writer.Write($"\r{value.Table}: {value.Done}/{value.Total} ({percent}%)   ");
            if (value.Done == value.Total)
                writer.WriteLine();
        }
    }
}
