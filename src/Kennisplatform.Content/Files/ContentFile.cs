using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Files;

/// <summary>Writes an item as a content file: YAML front matter with the keys of <see cref="ContentFields"/>, then the Markdown body.</summary>
public static partial class ContentFile
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ContentItem item)
    {
        var text = new StringBuilder("---\n");
        AppendScalar(text, ContentFields.TypeKey, item.Kind.Code());
        AppendScalar(text, ContentFields.SlugKey, item.Slug);
        foreach (var field in ContentFields.For(item.Kind))
        {
            switch (field.Write(item))
            {
                case { List: { } list }:
                    text.Append(field.Key).Append(":\n");
                    foreach (var entry in list)
                        text.Append("  - ").Append(Quote(entry)).Append('\n');
                    break;
                case { Scalar: { } scalar }:
                    AppendScalar(text, field.Key, scalar);
                    break;
            }
        }
        text.Append("---\n");
        if (item.Body.Length > 0)
            text.Append('\n').Append(item.Body.TrimEnd()).Append('\n');
        return text.ToString();
    }

    /// <summary>The file name an item is exported to, relative to the export folder.</summary>
    public static string PathFor(ContentItem item) => Path.Combine(item.Kind.Code(), item.Slug + ".md");

    private static void AppendScalar(StringBuilder text, string key, string value)
    {
        value = value.Replace("\r\n", "\n");
        if (value.Contains('\n') && CanBeBlock(value))
        {
            text.Append(key).Append(": |-\n");
            foreach (var line in value.Split('\n'))
                text.Append(line.Length == 0 ? "" : "  " + line).Append('\n');
        }
        else
        {
            text.Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }
    }

    private static string Quote(string value) =>
        PlainScalar().IsMatch(value) && !value.Contains(": ") && !value.Contains(" #") && !value.EndsWith(':')
            ? value
            : JsonSerializer.Serialize(value, Quoting); // a JSON string is a valid YAML double-quoted scalar

    // A literal block keeps text as it is, unless a line starts with a space or ends in white space.
    private static bool CanBeBlock(string value) =>
        value.Split('\n').All(line => line.Length == 0 || (!char.IsWhiteSpace(line[0]) && !char.IsWhiteSpace(line[^1])));

    [GeneratedRegex(@"^[\p{L}\p{N}][^\n\r\t""'\\]*(?<!\s)$")]
    private static partial Regex PlainScalar();
}
