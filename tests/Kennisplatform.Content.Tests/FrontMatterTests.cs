using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Events;
using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Tests;

public class FrontMatterTests
{
    [Fact]
    public void Splits_front_matter_and_body_with_line_numbers()
    {
        var (document, problems) = FrontMatter.Parse("---\ntype: thema\ntitle: Veiligheid\nthemes:\n  - a\n  - b\n---\n\nTekst **vet**.\n\nTweede alinea.\n");
        Assert.Empty(problems);
        Assert.NotNull(document);
        Assert.Equal("thema", document["type"]!.Scalar);
        Assert.Equal(3, document["title"]!.Line);
        Assert.Equal(["a", "b"], document["themes"]!.List!);
        Assert.Equal("Tekst **vet**.\n\nTweede alinea.", document.Body);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_fine()
    {
        var (document, problems) = FrontMatter.Parse("---\r\ntype: thema\r\ntitle: X\r\n---\r\nBody\r\n");
        Assert.Empty(problems);
        Assert.Equal("Body", document!.Body);
    }

    [Theory]
    [InlineData("type: thema\n", 1, "begint niet met '---'")]
    [InlineData("---\ntype: thema\n", 1, "niet afgesloten")]
    [InlineData("---\ntype: thema\ntitle: Een: twee\n---\n", 3, "dubbele punt")]
    [InlineData("---\ntype: thema\ntitle: a\ntitle: b\n---\n", 4, "twee keer")]
    [InlineData("---\n- a\n- b\n---\n", 2, "sleutel: waarde")]
    [InlineData("---\ntype: thema\nthemes:\n  a: b\n---\n", 3, "tekst of een lijst")]
    public void Broken_front_matter_names_the_line(string text, int line, string message)
    {
        var (_, problems) = FrontMatter.Parse(text);
        var problem = Assert.Single(problems);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message);
    }

    [Theory]
    [InlineData("Gewone titel")]
    [InlineData("Titel: met dubbele punt")]
    [InlineData("\"Aanhalingstekens\" en 'apostrof'")]
    [InlineData("Hekje #1 en # erna")]
    [InlineData("- begint met een streepje")]
    [InlineData("[haken] {accolades}")]
    [InlineData("ja")]
    [InlineData("2019")]
    [InlineData("eindigt op dubbele punt:")]
    [InlineData("Regel één\nRegel twee\n\nNa een lege regel")]
    [InlineData("  begint met spaties\nen meer")]
    [InlineData("tab\there")]
    [InlineData("Ideeën, café, één – “typografisch” — ✓")]
    public void Written_values_read_back_unchanged(string value)
    {
        var item = new Case { Title = "X", Slug = "x", Outcome = CaseOutcome.Succeeded, WhatWorked = value, Summary = value.Replace("\n", " ") };
        var (document, problems) = FrontMatter.Parse(ContentFile.Write(item));
        Assert.Empty(problems);
        var copy = new Case();
        Assert.Empty(ContentReader.ApplyFields(copy, document!));
        Assert.Equal(value.Trim(), copy.WhatWorked);
        Assert.Equal(value.Replace("\n", " ").Trim(), copy.Summary);
    }

    [Fact]
    public void Unknown_keys_and_bad_values_are_reported_on_their_line()
    {
        var (document, _) = FrontMatter.Parse("---\ntype: praktijkvoorbeeld\ntitle: X\noutcom: geslaagd\noutcome: succes\nstart_year: twintig\n---\n");
        var problems = ContentReader.ApplyFields(new Case(), document!);
        Assert.Contains(problems, p => p.Line == 4 && p.Message.Contains("Onbekende sleutel 'outcom'"));
        Assert.Contains(problems, p => p.Line == 5 && p.Message.Contains("geslaagd, deels, mislukt of te-vroeg"));
        Assert.Contains(problems, p => p.Line == 6 && p.Message.Contains("heel getal"));
    }

    [Fact]
    public void Event_times_are_Dutch_local_time_across_daylight_saving()
    {
        var (document, _) = FrontMatter.Parse("---\ntype: bijeenkomst\ntitle: X\nstarts: 2019-01-29 16:00\nends: 2026-07-01 19:00\nlocation: Overvecht\n---\n");
        var item = new Event();
        Assert.Empty(ContentReader.ApplyFields(item, document!));
        Assert.Equal(new DateTime(2019, 1, 29, 15, 0, 0, DateTimeKind.Utc), item.StartsAt); // winter: UTC+1
        Assert.Equal(new DateTime(2026, 7, 1, 17, 0, 0, DateTimeKind.Utc), item.EndsAt); // summer: UTC+2
        Assert.Contains("starts: 2019-01-29 16:00", ContentFile.Write(item));
    }

    [Fact]
    public void A_time_that_does_not_exist_in_the_Netherlands_is_refused()
    {
        var (document, _) = FrontMatter.Parse("---\ntype: bijeenkomst\ntitle: X\nstarts: 2026-03-29 02:30\n---\n");
        var problems = ContentReader.ApplyFields(new Event(), document!);
        Assert.Contains(problems, p => p.Line == 4 && p.Message.Contains("bestaat niet in Nederland"));
    }
}
