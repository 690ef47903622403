using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Connectors;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Interventions;
using Kennisplatform.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Tests;

public class ContentImporterTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly string folder = Directory.CreateTempSubdirectory("kp-import-").FullName;

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private async Task<ImportResult> ImportAsync(string? from = null)
    {
        await using var db = database.NewContext();
        return await database.Importer(db).ImportAsync(from ?? folder);
    }

    private const string Theme = "---\ntype: thema\ntitle: Eenzaamheid\n---\nOver eenzaamheid.\n";
    private const string Case = "---\ntype: praktijkvoorbeeld\ntitle: Buurtkamer\nthemes: [eenzaamheid]\noutcome: geslaagd\ninterventions: [buurtkamer]\ncontact: henk\n---\nHet verhaal.\n";
    private const string Intervention = "---\ntype: interventie\ntitle: Buurtkamer\ntarget_groups: [ouderen]\nevidence: goed-beschreven\nevidence_source: Voorbeeld\n---\n";
    private const string Connector = "---\ntype: wijkschakelaar\ntitle: Henk\nslug: henk\nconsent: ja\n---\n";

    [Fact]
    public async Task Seed_content_imports_completely()
    {
        var result = await ImportAsync(Repository.ContentFolder());
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var db = database.NewContext();
        Assert.Equal(result.Files, result.Created);
        Assert.True(await db.Items.OfType<Case>().CountAsync() >= 12);
        Assert.True(await db.Items.OfType<Case>().CountAsync(c => c.Outcome == CaseOutcome.Failed || c.Outcome == CaseOutcome.Partly) >= 4);
        Assert.True(await db.Items.OfType<Intervention>().CountAsync() >= 6);
        Assert.True(await db.Items.OfType<Connector>().CountAsync(c => c.HasConsent) >= 4);
        Assert.Equal(5, await db.Items.OfType<Principles.Principle>().CountAsync());
        Assert.Equal(10, await db.Items.OfType<Themes.Theme>().CountAsync());
        // The five real past meetings, and three invented ones that take registrations (issue #13's seed).
        Assert.Equal(5, await db.Items.OfType<Events.Event>().CountAsync(e => !e.IsFictional));
        Assert.Equal(3, await db.Items.OfType<Events.Event>().CountAsync(e => e.IsFictional && e.TakesRegistrations && e.Capacity > 0));
        // Every intervention names its target groups, so the overview's "Doelgroep" filter finds each of them.
        Assert.All(await db.Items.OfType<Intervention>().ToListAsync(), i => Assert.True(i.TargetGroups != 0, i.Slug));
        // Every invented example says so.
        Assert.All(await db.Items.Where(i => i is Case || i is Intervention || i is Connector).ToListAsync(), i => Assert.True(i.IsFictional, i.Slug));
        // Follow-ups from vervolg/: published, on at least three cases, invented ones marked.
        var followUps = await db.FollowUps.ToListAsync();
        Assert.Equal(Directory.GetFiles(Path.Combine(Repository.ContentFolder(), Files.FollowUpFiles.Folder), "*.md").Length, followUps.Count);
        Assert.True(followUps.Select(f => f.CaseId).Distinct().Count() >= 3);
        Assert.All(followUps, f => Assert.True(f.IsPublic && f.IsFictional, f.Title));
    }

    [Fact]
    public async Task Files_link_to_each_other_in_both_directions()
    {
        WriteFile("thema/eenzaamheid.md", Theme);
        WriteFile("praktijkvoorbeeld/buurtkamer.md", Case);
        WriteFile("interventie/buurtkamer.md", Intervention);
        WriteFile("wijkschakelaar/henk.md", Connector);
        var result = await ImportAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));

        await using var db = database.NewContext();
        var intervention = await db.Items.OfType<Intervention>().Include(i => i.Cases).SingleAsync();
        Assert.Equal("buurtkamer", Assert.Single(intervention.Cases).Slug);
        var connector = await db.Items.OfType<Connector>().Include(c => c.Cases).SingleAsync();
        Assert.Single(connector.Cases);
        var theme = await db.Items.OfType<Themes.Theme>().Include(t => t.Items).SingleAsync();
        Assert.Single(theme.Items);
    }

    [Fact]
    public async Task One_broken_file_means_nothing_is_imported_and_every_problem_is_named()
    {
        WriteFile("thema/eenzaamheid.md", Theme);
        WriteFile("interventie/buurtkamer.md", Intervention);
        WriteFile("wijkschakelaar/henk.md", Connector);
        WriteFile("praktijkvoorbeeld/goed.md", Case);
        WriteFile("praktijkvoorbeeld/kapot.md", "---\ntype: praktijkvoorbeeld\ntitle: Kapot\noutcome: super\nthemes: [bestaat-niet]\n---\n");
        WriteFile("praktijkvoorbeeld/yaml.md", "---\ntype: praktijkvoorbeeld\ntitle: Een: twee\n---\n");
        WriteFile("onbekend.md", "---\ntype: blog\ntitle: X\n---\n");

        var result = await ImportAsync();

        Assert.False(result.Succeeded);
        var lines = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("praktijkvoorbeeld/kapot.md:4: 'super' is geen geldige waarde voor 'outcome'"));
        Assert.Contains(lines, l => l.StartsWith("praktijkvoorbeeld/kapot.md:5: 'themes' noemt thema 'bestaat-niet'"));
        Assert.Contains(lines, l => l.StartsWith("praktijkvoorbeeld/yaml.md:3: "));
        Assert.Contains(lines, l => l.StartsWith("onbekend.md:2: 'blog' is geen bekend type"));
        await using var db = database.NewContext();
        Assert.False(await db.Items.AnyAsync());
        Assert.False(await db.Revisions.AnyAsync());
    }

    [Fact]
    public async Task Target_groups_are_read_as_categories_written_back_in_their_order_and_an_unknown_one_is_named()
    {
        WriteFile("interventie/a.md", "---\ntype: interventie\ntitle: A\ntarget_groups:\n  - ouderen\n  - jongeren\n---\n");
        WriteFile("interventie/b.md", "---\ntype: interventie\ntitle: B\ntarget_groups: [katten, ouderen]\n---\n");
        WriteFile("interventie/c.md", "---\ntype: interventie\ntitle: C\n---\n");
        var refused = await ImportAsync();
        Assert.Contains(refused.Problems, p => p.File == Path.Combine("interventie", "b.md") && p.Line == 4
            && p.Message.StartsWith("'katten' is geen geldige waarde voor 'target_groups'. Kies uit: bewoners, kinderen"));
        Assert.Contains(refused.Problems, p => p.File == Path.Combine("interventie", "c.md") && p.Message.Contains("doelgroep"));

        File.Delete(Path.Combine(folder, "interventie", "b.md"));
        WriteFile("interventie/c.md", "---\ntype: interventie\ntitle: C\nstatus: concept\n---\n");
        var result = await ImportAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var db = database.NewContext();
        var a = await db.Items.OfType<Intervention>().SingleAsync(i => i.Slug == "a");
        Assert.Equal(TargetGroups.Youth | TargetGroups.Elderly, a.TargetGroups);
        Assert.Equal(1, await db.Items.OfType<Intervention>().CountAsync(i => (i.TargetGroups & TargetGroups.Youth) != 0));
        Assert.Contains("target_groups:\n  - jongeren\n  - ouderen\n", ContentFile.Write(a));
    }

    [Fact]
    public async Task Rule_violations_point_at_the_key_line()
    {
        WriteFile("bijeenkomst/avond.md", "---\ntype: bijeenkomst\ntitle: Avond\nlocation: Buurthuis\nstarts: 2026-03-12 20:00\nends: 2026-03-12 19:00\n---\n");
        WriteFile("wijkschakelaar/zonder.md", "---\ntype: wijkschakelaar\ntitle: Zonder toestemming\n---\n");
        var result = await ImportAsync();
        Assert.Contains(result.Problems, p => p.File == Path.Combine("bijeenkomst", "avond.md") && p.Line == 6 && p.Message.Contains("voor de begintijd"));
        Assert.Contains(result.Problems, p => p.File == Path.Combine("wijkschakelaar", "zonder.md") && p.Message.Contains("toestemming"));
    }

    [Fact]
    public async Task Two_files_with_the_same_type_and_slug_are_refused()
    {
        WriteFile("a.md", Theme);
        WriteFile("b.md", Theme);
        var result = await ImportAsync();
        var problem = Assert.Single(result.Problems);
        Assert.Equal("b.md", problem.File);
        Assert.Contains("a.md", problem.Message);
    }

    [Fact]
    public async Task Reimport_updates_by_type_and_slug_and_never_duplicates()
    {
        WriteFile("thema/eenzaamheid.md", Theme);
        WriteFile("thema/veiligheid.md", "---\ntype: thema\ntitle: Veiligheid\n---\n");
        Assert.Equal(2, (await ImportAsync()).Created);

        var again = await ImportAsync();
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));

        WriteFile("thema/eenzaamheid.md", Theme.Replace("Over eenzaamheid.", "Nieuwe tekst."));
        var changed = await ImportAsync();
        Assert.Equal((0, 1, 1), (changed.Created, changed.Updated, changed.Unchanged));

        await using var db = database.NewContext();
        Assert.Equal(2, await db.Items.CountAsync());
        var theme = await db.Items.SingleAsync(i => i.Slug == "eenzaamheid");
        Assert.Equal(("Nieuwe tekst.", 2), (theme.Body, theme.Version));
        Assert.Equal(3, await db.Revisions.CountAsync());
    }

    [Fact]
    public async Task File_without_publication_date_keeps_the_first_one()
    {
        WriteFile("thema/eenzaamheid.md", Theme);
        await ImportAsync();
        DateTime? first;
        await using (var db = database.NewContext())
            first = (await db.Items.SingleAsync()).PublishedAt;
        database.Clock.Now = database.Clock.Now.AddDays(3);
        await ImportAsync();
        await using var check = database.NewContext();
        Assert.Equal(first, (await check.Items.SingleAsync()).PublishedAt);
    }

    [Fact]
    public async Task Export_imports_back_to_the_same_content()
    {
        Assert.True((await ImportAsync(Repository.ContentFolder())).Succeeded);
        var first = Path.Combine(folder, "first");
        var second = Path.Combine(folder, "second");
        await using (var db = database.NewContext())
            await new ContentExporter(db).ExportAsync(first);

        using var other = new TestDatabase();
        await using (var db = other.NewContext())
        {
            var result = await other.Importer(db).ImportAsync(first);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }
        await using (var db = other.NewContext())
            await new ContentExporter(db).ExportAsync(second);

        var firstFiles = ContentFolder.Files(first).Select(f => Path.GetRelativePath(first, f)).ToList();
        Assert.Equal(ContentFolder.Files(Repository.ContentFolder()).Count, firstFiles.Count);
        Assert.Equal(firstFiles, ContentFolder.Files(second).Select(f => Path.GetRelativePath(second, f)));
        foreach (var file in firstFiles)
            Assert.Equal(File.ReadAllText(Path.Combine(first, file)), File.ReadAllText(Path.Combine(second, file)));
        // Follow-ups travel too: as many as the seed has, the same files both times.
        var followUps = FollowUpFiles.Paths(first).Select(f => Path.GetRelativePath(first, f)).ToList();
        Assert.Equal(FollowUpFiles.Paths(Repository.ContentFolder()).Count, followUps.Count);
        Assert.Equal(followUps, FollowUpFiles.Paths(second).Select(f => Path.GetRelativePath(second, f)));
        foreach (var file in followUps)
            Assert.Equal(File.ReadAllText(Path.Combine(first, file)), File.ReadAllText(Path.Combine(second, file)));

        // And the same entities, field by field, as the revision snapshot captures every field.
        await using var a = database.NewContext();
        await using var b = other.NewContext();
        var left = (await a.Items.WithLinksForTest().ToListAsync()).ToDictionary(i => (i.Kind, i.Slug), ContentFile.Write);
        var right = (await b.Items.WithLinksForTest().ToListAsync()).ToDictionary(i => (i.Kind, i.Slug), ContentFile.Write);
        Assert.Equal(left.OrderBy(p => p.Key.ToString()), right.OrderBy(p => p.Key.ToString()));
    }

    [Fact]
    public async Task Missing_folder_is_a_problem_not_an_exception()
    {
        var result = await ImportAsync(Path.Combine(folder, "bestaat-niet"));
        Assert.Contains("bestaat niet", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public async Task Progress_is_reported_for_every_file()
    {
        for (var i = 0; i < 30; i++)
            WriteFile($"thema/t{i}.md", $"---\ntype: thema\ntitle: Thema {i}\n---\n");
        var reports = new List<ImportProgress>();
        await using var db = database.NewContext();
        await database.Importer(db).ImportAsync(folder, new SynchronousProgress(reports.Add));
        Assert.Equal(30, reports.Count(r => r.Phase == "lezen"));
        Assert.Equal(new ImportProgress("opslaan", 30, 30), reports[^1]);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

internal static class TestQueries
{
    public static IQueryable<ContentItem> WithLinksForTest(this IQueryable<ContentItem> items) => Storage.ContentQueries.WithLinks(items);
}
