using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Connectors;

/// <summary>Wijkschakelaar: a person who connects residents, professionals and the municipality.</summary>
public class Connector : ContentItem
{
    public override ContentType Kind => ContentType.Connector;

    /// <summary>The role they play, which matters more than their job title.</summary>
    public string Role { get; set; } = "";
    public string Area { get; set; } = "";
    public string Connects { get; set; } = "";
    public string AskMeAbout { get; set; } = "";
    public string Availability { get; set; } = "";
    /// <summary>The person agreed to a public profile. Without it the profile cannot be published.</summary>
    public bool HasConsent { get; set; }
    /// <summary>
    /// Where contact-form questions for this person are relayed. Private: not a content-file field, so it never
    /// reaches an export, the API, a feed, the search index or a revision snapshot; only the back office shows it.
    /// </summary>
    public string ContactEmail { get; set; } = "";

    public List<Case> Cases { get; set; } = [];

    protected override IEnumerable<ValidationError> ValidateCompleteness()
    {
        if (!HasConsent)
            yield return new("consent", "Een profiel van een wijkschakelaar wordt alleen gepubliceerd als die persoon toestemming heeft gegeven.");
    }
}
