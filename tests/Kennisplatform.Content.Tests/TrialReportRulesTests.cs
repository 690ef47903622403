using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Trials;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Tests;

/// <summary>The rules of an "ook geprobeerd" report, its count, and its content files.</summary>
public class TrialReportRulesTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private readonly TestDatabase database = new();
    private readonly string folder = Directory.CreateTempSubdirectory("kp-geprobeerd-").FullName;

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static TrialReport Report(TrialResult result, TrialReportStatus status = TrialReportStatus.Published) =>
        new() { Municipality = "Zwolle", Year = 2024, Result = result, Reason = "Omdat bewoners zelf de tijden kozen.", Status = status };

    [Fact]
    public void The_count_says_how_often_and_with_what_result_and_leaves_out_waiting_and_turned_down_reports()
    {
        var reports = Enumerable.Repeat(TrialResult.Succeeded, 4).Concat(Enumerable.Repeat(TrialResult.Partly, 2)).Append(TrialResult.Failed)
            .Select(r => Report(r)).Append(Report(TrialResult.Failed, TrialReportStatus.Waiting)).Append(Report(TrialResult.Succeeded, TrialReportStatus.Rejected));
        Assert.Equal("7 keer geprobeerd: 4 geslaagd, 2 deels, 1 mislukt", TrialCount.Of(reports).Label);
        Assert.Equal("1 keer geprobeerd: 1 mislukt", TrialCount.Of([Report(TrialResult.Failed)]).Label);
        Assert.Equal("Nog niet door anderen geprobeerd", TrialCount.Of([Report(TrialResult.Failed, TrialReportStatus.Waiting)]).Label);
    }

    [Theory]
    [InlineData("2024", 2024, null)]
    [InlineData("2024-05", 2024, 5)]
    [InlineData("2024-5", 2024, 5)]
    public void When_is_a_year_or_a_year_and_month(string text, int year, int? month)
    {
        var report = new TrialReport();
        Assert.True(report.TrySetWhen(text));
        Assert.Equal((year, month), (report.Year, report.Month));
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-05-01")]
    [InlineData("mei 2024")]
    [InlineData("-2024")]
    public void Anything_else_is_not_a_when(string text) => Assert.False(new TrialReport().TrySetWhen(text));

    [Fact]
    public void A_report_needs_a_municipality_a_past_time_and_one_line_why()
    {
        Assert.Empty(Report(TrialResult.Partly).Validate(Today));
        Assert.Equal(["municipality"], Errors(r => r.Municipality = " "));
        Assert.Equal(["when"], Errors(r => { r.Year = 2026; r.Month = 12; }));
        Assert.Empty(Errors(r => { r.Year = 2026; r.Month = 11; }));
        Assert.Equal(["when"], Errors(r => r.Year = 1989));
        Assert.Equal(["reason"], Errors(r => r.Reason = "Kort."));
        Assert.Equal(["reason"], Errors(r => r.Reason = "Eerste regel van de reden\ntweede regel"));
        Assert.Equal(["reason"], Errors(r => r.Reason = new string('x', TrialReport.ReasonMaxLength + 1)));
        Assert.Equal(["result"], Errors(r => r.Result = (TrialResult)42));
    }

    private static List<string> Errors(Action<TrialReport> change)
    {
        var report = Report(TrialResult.Succeeded);
        change(report);
        return report.Validate(Today).Select(e => e.Field).ToList();
    }

    [Fact]
    public void Publishing_twice_or_turning_down_a_published_report_is_refused()
    {
        var report = Report(TrialResult.Succeeded, TrialReportStatus.Waiting);
        report.Publish(new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc));
        Assert.Throws<ContentRuleException>(() => report.Publish(DateTime.UtcNow));
        Assert.Throws<ContentRuleException>(report.Reject);
    }

    private void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private const string Intervention = "---\ntype: interventie\ntitle: Buurtkamer\ntarget_groups: [ouderen]\nevidence: goed-beschreven\nevidence_source: Voorbeeld\n---\n";

    [Fact]
    public async Task Reports_import_as_published_export_back_and_a_second_import_changes_nothing()
    {
        WriteFile("interventie/buurtkamer.md", Intervention);
        WriteFile("geprobeerd/een.md", "---\ntype: interventie\nslug: buurtkamer\nmunicipality: Zwolle\nneighbourhood: Holtenbroek\nwhen: \"2024-05\"\nresult: deels\nfictional: ja\n---\n\nGoed bezocht, maar de vrijwilligers gingen lesgeven.\n");
        await using (var db = database.NewContext())
            Assert.True((await database.Importer(db).ImportAsync(folder)).Succeeded);
        await using (var db = database.NewContext())
        {
            var report = await db.TrialReports.Include(r => r.Item).SingleAsync();
            Assert.Equal(("buurtkamer", "Zwolle", "Holtenbroek", 2024, (int?)5, TrialResult.Partly, TrialReportStatus.Published, true),
                (report.Item.Slug, report.Municipality, report.Neighbourhood, report.Year, report.Month, report.Result, report.Status, report.IsFictional));
            Assert.Equal("Goed bezocht, maar de vrijwilligers gingen lesgeven.", report.Reason);
        }

        var exported = Path.Combine(folder, "_export");
        await using (var db = database.NewContext())
            await new ContentExporter(db).ExportAsync(exported);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(exported, TrialReportFiles.Folder)));
        Assert.Contains("when: \"2024-05\"", File.ReadAllText(file));
        await using (var db = database.NewContext())
            Assert.True((await database.Importer(db).ImportAsync(exported)).Succeeded);
        await using (var db = database.NewContext())
            Assert.Equal(1, await db.TrialReports.CountAsync());
    }

    [Fact]
    public async Task A_report_file_with_mistakes_names_each_and_imports_nothing()
    {
        WriteFile("interventie/buurtkamer.md", Intervention);
        WriteFile("geprobeerd/fout.md", "---\ntype: thema\nslug: buurtkamer\nwhen: gisteren\nresult: prima\nkleur: blauw\n---\n\nKort.\n");
        WriteFile("geprobeerd/onbekend.md", "---\ntype: interventie\nslug: bestaat-niet\nmunicipality: Zwolle\nwhen: 2023\nresult: mislukt\n---\n\nNiemand kwam op de eerste avond.\n");
        ImportResult result;
        await using (var db = database.NewContext())
            result = await database.Importer(db).ImportAsync(folder);
        var messages = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("geprobeerd/fout.md:") && m.Contains("Onbekende sleutel 'kleur'"));
        Assert.Contains(messages, m => m.Contains("Schrijf bij 'type' interventie of praktijkvoorbeeld."));
        Assert.Contains(messages, m => m.Contains("Schrijf bij 'when' een jaar (2024) of een jaar en maand (2024-05)."));
        Assert.Contains(messages, m => m.Contains("Kies bij 'result': geslaagd, deels of mislukt."));
        Assert.Contains(messages, m => m.StartsWith("geprobeerd/onbekend.md:3:") && m.Contains("Er is geen interventie 'bestaat-niet'"));
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.TrialReports.CountAsync());
            Assert.Equal(0, await db.Items.CountAsync());
        }
    }
}
