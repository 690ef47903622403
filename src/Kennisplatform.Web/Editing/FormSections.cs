using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Web.Editing;

/// <summary>
/// How the edit form is grouped: sections that follow how an item is told (for a case: Basis, Het verhaal, Wat werkte
/// en wat niet, Plaats en periode, Koppelingen, Publicatie), with the main text near the top. A field no section names
/// lands in "Meer over dit item", so a new field always shows up.
/// </summary>
public static class FormSections
{
    /// <summary>The main text (Markdown body) and the page address: not content-file fields, but placed like them.</summary>
    public const string BodyKey = "body";
    public const string SlugKey = "slug";

    public sealed record Section(string Id, string Title, IReadOnlyList<string> Keys);

    private static readonly (string Id, string Title, string[] Keys)[] Layout =
    [
        ("basis", "Basis", ["title", "summary", "outcome", "evaluation", "role", "event_status", "perspective", "maker", "fictional"]),
        ("tekst", "Tekst", [BodyKey]),
        ("meer", "Meer over dit item", []),
        ("lessen", "Wat werkte en wat niet", ["what_worked", "what_did_not_work", "do_differently", "failure_patterns", "residents_role", "municipality_role", "partners"]),
        ("plaats", "Plaats en periode", ["municipality", "neighbourhood", "cbs_code", "area", "start_year", "end_year", "starts", "ends", "location", "address", "place", "online_url"]),
        ("koppelingen", "Koppelingen", ["themes", "principles", "interventions", "contact"]),
        ("publicatie", "Publicatie", [SlugKey, "license", "order"]),
    ];

    public static IReadOnlyList<Section> For(ContentType kind, IEnumerable<FileField> fields)
    {
        var keys = fields.Select(f => f.Key).ToList();
        var named = Layout.SelectMany(s => s.Keys).ToHashSet();
        var sections = new List<Section>();
        foreach (var (id, title, layoutKeys) in Layout)
        {
            var inSection = id == "meer"
                ? keys.Where(k => !named.Contains(k)).ToList()
                : layoutKeys.Where(k => k is BodyKey or SlugKey || keys.Contains(k)).ToList();
            if (inSection.Count > 0)
                sections.Add(new(id, Title(id, title, kind), inSection));
        }
        return sections;
    }

    private static string Title(string id, string title, ContentType kind) => (id, kind) switch
    {
        ("tekst", ContentType.Case) => "Het verhaal",
        ("plaats", ContentType.Event) => "Plaats en tijd",
        ("plaats", not ContentType.Case) => "Plaats",
        _ => title,
    };
}
