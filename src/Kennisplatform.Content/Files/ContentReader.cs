using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Files;

/// <summary>Applies a parsed content file to an item, key by key, collecting problems with their line numbers.</summary>
public static class ContentReader
{
    /// <summary>Every key: the plain fields, then the links.</summary>
    public static IReadOnlyList<FileProblem> Apply(ContentItem item, FrontMatterDocument document, IReferenceLookup lookup) =>
        [.. ApplyFields(item, document), .. ApplyLinks(item, document, lookup)];

    /// <summary>The plain fields, plus a check that every key in the file is one this type knows.</summary>
    public static IReadOnlyList<FileProblem> ApplyFields(ContentItem item, FrontMatterDocument document)
    {
        var problems = new List<FileProblem>();
        foreach (var key in document.Fields.Keys.Where(k => !ContentFields.IsKnownKey(item.Kind, k)))
            problems.Add(new(document.LineOf(key), $"Onbekende sleutel '{key}' voor een {item.Kind.Label().ToLowerInvariant()}. Zie docs/content-format.md voor de mogelijke sleutels."));
        foreach (var field in ContentFields.For(item.Kind).Where(f => !f.IsReference))
            Read(field, item, document, NoLinks.Instance, problems);
        item.Body = document.Body;
        return problems;
    }

    public static IReadOnlyList<FileProblem> ApplyLinks(ContentItem item, FrontMatterDocument document, IReferenceLookup lookup)
    {
        var problems = new List<FileProblem>();
        foreach (var field in ContentFields.For(item.Kind).Where(f => f.IsReference))
            Read(field, item, document, lookup, problems);
        return problems;
    }

    /// <summary>The item's own rules, pointed at the line of the key they are about.</summary>
    public static IEnumerable<FileProblem> Validate(ContentItem item, FrontMatterDocument document) =>
        item.Validate().Select(e => new FileProblem(document.LineOf(e.Field), e.Message, e.Field));

    private static void Read(FileField field, ContentItem item, FrontMatterDocument document, IReferenceLookup lookup, List<FileProblem> problems)
    {
        var value = document[field.Key];
        if (field.Read(item, value, lookup) is { } problem)
            problems.Add(new(value?.Line ?? document.FirstLine, problem, field.Key));
    }

    private sealed class NoLinks : IReferenceLookup
    {
        public static readonly NoLinks Instance = new();
        public ContentItem? Find(ContentType type, string slug) => null;
    }
}
