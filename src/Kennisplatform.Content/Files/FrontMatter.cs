using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kennisplatform.Content.Files;

/// <summary>A value from a content file's front matter, with the line it stands on.</summary>
public sealed record FileValue(int Line, string? Scalar = null, IReadOnlyList<string>? List = null)
{
    public static FileValue Text(string value) => new(0, Scalar: value);
    public static FileValue Items(IReadOnlyList<string> values) => new(0, List: values);
}

/// <summary>A content file split into its front matter (key → value, with line numbers) and its Markdown body.</summary>
public sealed class FrontMatterDocument
{
    public required IReadOnlyDictionary<string, FileValue> Fields { get; init; }
    public required string Body { get; init; }
    /// <summary>The line of the front matter's opening "---", for problems that belong to no key.</summary>
    public int FirstLine => 1;

    public FileValue? this[string key] => Fields.GetValueOrDefault(key);

    public int LineOf(string key) => Fields.TryGetValue(key, out var value) ? value.Line : FirstLine;
}

/// <summary>A problem in a content file or form: its line, and the key it is about when there is one.</summary>
public sealed record FileProblem(int Line, string Message, string? Key = null);

public static class FrontMatter
{
    /// <summary>Splits and parses a content file; problems come back with line numbers, never as exceptions.</summary>
    public static (FrontMatterDocument? Document, IReadOnlyList<FileProblem> Problems) Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
            return Fail(1, "Het bestand begint niet met '---'. Zet de gegevens (type, title, ...) tussen twee regels '---' bovenaan.");
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
            return Fail(1, "De gegevens bovenaan worden niet afgesloten met een regel '---'.");

        var yaml = string.Join('\n', lines[1..close]);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // The YAML starts on line 2 of the file.
            return Fail((int)Math.Max(1, e.Start.Line) + 1, "De gegevens bovenaan zijn geen geldige YAML: " + Explain(e));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return Fail(2, "Tussen de regels '---' staan geen gegevens in de vorm 'sleutel: waarde'.");

        var fields = new Dictionary<string, FileValue>(StringComparer.Ordinal);
        var problems = new List<FileProblem>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var line = (int)keyNode.Start.Line + 1;
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                problems.Add(new(line, "Een sleutel moet een woord zijn, zoals 'title'."));
                continue;
            }
            switch (valueNode)
            {
                case YamlScalarNode scalar:
                    fields[key] = new(line, Scalar: scalar.Value ?? "");
                    break;
                case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                    fields[key] = new(line, List: sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList());
                    break;
                default:
                    problems.Add(new(line, $"De waarde van '{key}' moet tekst of een lijst zijn."));
                    break;
            }
        }

        var body = string.Join('\n', lines[(close + 1)..]).TrimStart('\n').TrimEnd();
        return (new FrontMatterDocument { Fields = fields, Body = body }, problems);
    }

    private static (FrontMatterDocument?, IReadOnlyList<FileProblem>) Fail(int line, string message) => (null, [new(line, message)]);

    private static string Explain(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        if (message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
            return "een sleutel staat er twee keer in.";
        if (message.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase) || message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
            return "een waarde bevat een dubbele punt met een spatie erna; zet de hele waarde tussen aanhalingstekens.";
        if (message.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase))
            return "een aanhalingsteken wordt niet afgesloten.";
        return "controleer inspringing, dubbele punten en aanhalingstekens.";
    }
}
