using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;

namespace Kennisplatform.Content.Tests;

public class DocumentationTests
{
    [Fact]
    public void Content_format_document_names_every_key_of_every_type()
    {
        var path = Path.Combine(Path.GetDirectoryName(Repository.ContentFolder())!, "docs", "content-format.md");
        var text = File.ReadAllText(path);
        var missing = Dutch.Values<ContentType>()
            .SelectMany(type => ContentFields.For(type).Select(f => f.Key).Append(type.Code()))
            .Distinct()
            .Where(key => !text.Contains($"`{key}`"))
            .ToList();
        Assert.True(missing.Count == 0, "docs/content-format.md does not describe: " + string.Join(", ", missing));
    }
}
