using Kennisplatform.Content.Model;

namespace Kennisplatform.Web.Site;

/// <summary>The types with an overview page of their own, and the mapping between types and URLs. Free pages live at the root.</summary>
public static class Sections
{
    public static readonly IReadOnlyList<TypeDescriptor> All = TypeDescriptors.All.Where(d => d.Segment is not null).ToList();

    private static readonly Dictionary<string, TypeDescriptor> BySegment = All.ToDictionary(s => s.Segment!);

    public static TypeDescriptor? FromSegment(string? segment) => segment is null ? null : BySegment.GetValueOrDefault(segment);

    public static TypeDescriptor Of(ContentType type) => TypeDescriptors.Of(type);

    public static string PluralOf(ContentType type) => type.PluralLabel();

    /// <summary>The overview page of a type with a segment.</summary>
    public static string OverviewUrl(ContentType type) => "/" + (type.Segment() ?? throw new ArgumentException($"{type} has no overview page.", nameof(type)));

    public static string UrlOf(ContentItem item) => UrlOf(item.Kind, item.Slug);

    public static string UrlOf(ContentType type, string slug) =>
        type.Segment() is { } segment ? $"/{segment}/{slug}" : "/" + slug;
}

/// <summary>Route constraint {section:section}: only the segments above.</summary>
public sealed class SectionRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Sections.FromSegment(value as string) is not null;
}
