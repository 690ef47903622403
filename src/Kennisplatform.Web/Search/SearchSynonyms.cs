using Kennisplatform.Content.Audit;
using Kennisplatform.Content.Settings;
using Kennisplatform.Content.Storage;
using Kennisplatform.Search.Analysis;
using Kennisplatform.Search.Indexing;
using Kennisplatform.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Search;

/// <summary>
/// The words that mean the same when searching. The default list is content/search/synoniemen.txt; a beheerder's own
/// list lives in the database (<see cref="SiteSetting"/>), so every node uses the same one: each node's indexer polls its
/// version with the change log and swaps the query analyzer when it moved. Synonyms apply to queries only, so a new
/// list works at once, without rebuilding the index.
/// </summary>
public sealed class SearchSynonyms(IOptions<PlatformOptions> options, TimeProvider clock)
{
    public const string SettingName = "zoeken.synoniemen";
    public const int MaxLines = 2_000;

    private int applied;

    public enum Outcome { Saved, Invalid, Conflict }

    /// <param name="Version">The version to send back with an edit; 0 while nobody changed the default.</param>
    public sealed record List(string Text, int Version, bool IsDefault, DateTime? ChangedAt, string? ChangedBy);

    public string DefaultText() => File.ReadAllText(Path.Combine(options.Value.SearchLexiconFolder, SearchLexicon.SynonymsFile));

    public async Task<List> ReadAsync(ContentDb db, CancellationToken cancellationToken)
    {
        var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Name == SettingName, cancellationToken);
        return row switch
        {
            null => new(DefaultText(), 0, true, null, null),
            { Value: null } => new(DefaultText(), row.Version, true, row.ChangedAt, row.ChangedBy),
            _ => new(row.Value, row.Version, false, row.ChangedAt, row.ChangedBy),
        };
    }

    /// <summary>Checks a list as typed; the problems in Dutch, each naming its line.</summary>
    public static IReadOnlyList<string> Check(string text)
    {
        var dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        if (text.Length > SiteSetting.MaxValueLength)
            return [string.Format(dutch, "De lijst is te lang: hooguit {0:N0} tekens.", SiteSetting.MaxValueLength)];
        if (text.Split('\n').Length > MaxLines)
            return [string.Format(dutch, "De lijst is te lang: hooguit {0:N0} regels.", MaxLines)];
        return SearchLexicon.CheckSynonyms(text);
    }

    /// <summary>
    /// Stores <paramref name="text"/> (or, when null, goes back to the default list) if the stored version is still
    /// <paramref name="expectedVersion"/>; an edit made on an older version is a conflict and changes nothing.
    /// </summary>
    public async Task<(Outcome Outcome, IReadOnlyList<string> Problems)> SaveAsync(ContentDb db, string? text, int expectedVersion, string actorEmail, string actorName, CancellationToken cancellationToken)
    {
        if (text is not null)
        {
            text = text.ReplaceLineEndings("\n").Trim() + "\n";
            var problems = Check(text);
            if (problems.Count > 0)
                return (Outcome.Invalid, problems);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Name == SettingName, cancellationToken);
        if ((row?.Version ?? 0) != expectedVersion)
            return (Outcome.Conflict, []);
        if (row is null)
        {
            if (text is null)
                return (Outcome.Saved, []); // already the default
            db.Settings.Add(row = new SiteSetting { Name = SettingName, ChangedBy = actorName });
        }
        row.Value = text;
        row.Version = expectedVersion + 1;
        row.ChangedAt = now;
        row.ChangedBy = actorName;
        db.Audit.Add(new AuditEntry { At = now, Actor = actorEmail, Action = text is null ? "zoekwoorden teruggezet naar de standaardlijst" : "zoekwoorden gewijzigd", Subject = "synoniemen" });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another beheerder saved first (an update that found a newer version, or two first saves at once).
            if (await StoredVersionAsync(db, cancellationToken) != expectedVersion)
                return (Outcome.Conflict, []);
            throw;
        }
        return (Outcome.Saved, []);
    }

    /// <summary>Makes <paramref name="index"/> search with the stored list when it changed since the last call; true when it did.</summary>
    internal async Task<bool> ApplyIfChangedAsync(ContentDb db, SearchIndex index, ILogger log, CancellationToken cancellationToken)
    {
        var version = await StoredVersionAsync(db, cancellationToken);
        if (version == Volatile.Read(ref applied))
            return false;
        var list = await ReadAsync(db, cancellationToken);
        try
        {
            index.UseSynonyms(list.Text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // Lists are checked before they are stored; one that still fails keeps the previous list in use.
            log.LogError(e, "Stored search synonyms (version {Version}) could not be read: keeping the previous list", list.Version);
        }
        Volatile.Write(ref applied, list.Version);
        return true;
    }

    private static async Task<int> StoredVersionAsync(ContentDb db, CancellationToken cancellationToken) =>
        await db.Settings.AsNoTracking().Where(s => s.Name == SettingName).Select(s => (int?)s.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;
}
