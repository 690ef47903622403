using System.Net;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// Saving a concept checks only what keeps the data sound; what makes an item complete is a checklist on the form and a
/// rule when it is offered or published. Nothing typed is lost because such a rule is not met yet.
/// </summary>
public class CompletenessTests(CompletenessTests.Factory factory) : IClassFixture<CompletenessTests.Factory>
{
    public sealed class Factory : SiteFactory;

    public static readonly TheoryData<ContentType> Types = new(ContentTypes.All);

    [Theory]
    [MemberData(nameof(Types))]
    public async Task A_concept_with_only_a_title_is_saved_for_every_type(ContentType type)
    {
        var (redacteur, _) = await factory.SignedInAsync(Roles.Editor);
        var title = $"Half af {type.Code()} {Guid.NewGuid():N}"[..40];
        var (response, _) = await EditingTests.PostAsync(redacteur, $"/beheer/inhoud/nieuw/{type.Code()}",
            new Dictionary<string, string> { ["f.title"] = title, ["version"] = "0" }, ("actie", "opslaan"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await redacteur.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.NotNull(page.QuerySelector("#nog-nodig"));
    }

    [Fact]
    public async Task Offering_an_incomplete_case_keeps_what_was_typed_as_a_concept_and_the_checklist_says_what_is_missing()
    {
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        var fields = EditingTests.NewCase("Een buurtapp die niemand gebruikte");
        fields["f.outcome"] = "mislukt";
        fields["body"] = "Een lang verhaal dat niet verloren mag gaan.";
        var (offered, _) = await EditingTests.PostAsync(auteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", fields, ("actie", "aanbieden"));
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        Assert.EndsWith("?onvolledig=1", offered.Headers.Location!.OriginalString);

        var page = await auteur.GetPageAsync(offered.Headers.Location!.OriginalString);
        Assert.Contains("nog niet verder gestuurd", page.Text("[role=status]"));
        Assert.Contains("wat er niet werkte", page.Text("#checklist"));
        Assert.Equal("#veld-what_did_not_work", page.QuerySelector("#checklist a")!.GetAttribute("href"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<ContentDb>().Items.OfType<Case>().AsNoTracking().SingleAsync(c => c.Title == "Een buurtapp die niemand gebruikte");
            Assert.Equal((ContentStatus.Draft, "Een lang verhaal dat niet verloren mag gaan."), (saved.Status, saved.Body));
        }

        var path = offered.Headers.Location!.OriginalString.Split('?')[0];
        fields["version"] = "1";
        fields["f.what_did_not_work"] = "Bewoners spraken elkaar liever op het plein.";
        var (complete, _) = await EditingTests.PostAsync(auteur, path, fields, ("actie", "aanbieden"));
        Assert.EndsWith("?aangeboden=1", complete.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_complete_concept_says_it_can_be_offered()
    {
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        var (saved, _) = await EditingTests.PostAsync(auteur, "/beheer/inhoud/nieuw/praktijkvoorbeeld", EditingTests.NewCase("Complete soepavond"), ("actie", "opslaan"));
        var page = await auteur.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Null(page.QuerySelector("#checklist"));
        Assert.Contains("Alles wat nodig is, is ingevuld", page.Text("section[aria-labelledby=nog-nodig]"));
    }

    [Fact]
    public async Task An_intervention_names_its_target_groups_with_checkboxes_before_it_can_be_offered()
    {
        var (auteur, _) = await factory.SignedInAsync(Roles.Author);
        var form = await auteur.GetPageAsync("/beheer/inhoud/nieuw/interventie");
        var boxes = form.QuerySelectorAll("fieldset#veld-target_groups input[type=checkbox][name='f.target_groups']");
        Assert.Equal(Dutch.Values<Content.Interventions.TargetGroups>().Count(), boxes.Length);
        Assert.Null(form.QuerySelector("select[name='f.target_groups']"));
        Assert.Equal("Doelgroepen", form.QuerySelector("fieldset#veld-target_groups > legend")!.TextContent.Trim());

        var fields = new Dictionary<string, string> { ["f.title"] = "Voorleesuur in de bibliotheek", ["f.summary"] = "Samen lezen.", ["version"] = "0" };
        var (offered, _) = await EditingTests.PostAsync(auteur, "/beheer/inhoud/nieuw/interventie", fields, ("actie", "aanbieden"));
        Assert.EndsWith("?onvolledig=1", offered.Headers.Location!.OriginalString);
        var page = await auteur.GetPageAsync(offered.Headers.Location!.OriginalString);
        Assert.Contains(page.QuerySelectorAll("#checklist a"), a => a.GetAttribute("href") == "#veld-target_groups");

        var path = offered.Headers.Location!.OriginalString.Split('?')[0];
        fields["version"] = "1";
        await EditingTests.PostAsync(auteur, path, fields, ("f.target_groups", "kinderen"), ("f.target_groups", "ouders"), ("actie", "opslaan"));
        var saved = await auteur.GetPageAsync(path);
        Assert.Equal(["kinderen", "ouders"], saved.QuerySelectorAll("fieldset#veld-target_groups input:checked").Select(i => i.GetAttribute("value")));
        Assert.DoesNotContain(saved.QuerySelectorAll("#checklist a"), a => a.GetAttribute("href") == "#veld-target_groups");
        fields["version"] = "2";
        var (complete, _) = await EditingTests.PostAsync(auteur, path, fields, ("f.target_groups", "kinderen"), ("f.target_groups", "ouders"), ("actie", "aanbieden"));
        Assert.EndsWith("?aangeboden=1", complete.Headers.Location!.OriginalString);
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ContentDb>().Items.OfType<Content.Interventions.Intervention>().AsNoTracking()
            .SingleAsync(i => i.Title == "Voorleesuur in de bibliotheek");
        Assert.Equal(Content.Interventions.TargetGroups.Children | Content.Interventions.TargetGroups.Parents, stored.TargetGroups);
    }
}
