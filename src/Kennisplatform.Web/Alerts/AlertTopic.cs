using Kennisplatform.Content.Alerts;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Themes;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Alerts;

/// <summary>What someone asked to follow: a theme (by slug), a type (by code) or a search (the words), with a label people read.</summary>
public sealed record AlertTopic(AlertKind Kind, string Value, string Label)
{
    public const int MaxSearchLength = 200;

    /// <summary>Reads ?thema=, ?soort= or ?zoek=; null when none is given or the theme or type does not exist.</summary>
    public static async Task<AlertTopic?> FromQueryAsync(ContentDb db, string? theme, string? type, string? search, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(theme))
        {
            var found = await db.Items.OfType<Theme>().AsNoTracking().Where(t => t.Slug == theme && t.Status == ContentStatus.Published)
                .Select(t => t.Title).FirstOrDefaultAsync(cancellationToken);
            return found is null ? null : new(AlertKind.Theme, theme, $"het thema {found}");
        }
        if (!string.IsNullOrWhiteSpace(type))
            return Dutch.TryParse<ContentType>(type, out var kind) && kind is not ContentType.Page
                ? new(AlertKind.Type, kind.Code(), $"nieuwe {kind.PluralLabel().ToLowerInvariant()}") : null;
        var words = search?.Trim() ?? "";
        return words.Length is > 0 and <= MaxSearchLength ? new(AlertKind.Search, words, $"de zoekopdracht '{words}'") : null;
    }
}
