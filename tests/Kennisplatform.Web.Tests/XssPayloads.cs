namespace Kennisplatform.Web.Tests;

/// <summary>Hostile bodies every renderer of user Markdown must make harmless (public pages and the live preview).</summary>
public static class XssPayloads
{
    public static readonly string[] All =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[klik](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://example.org\"></iframe>",
        "<svg onload=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<form action=\"https://evil.example\"><button>Go</button></form>",
    ];

    public static TheoryData<string> Data => new(All);

    /// <summary>What must never survive the sanitiser, as a CSS selector and as a link check.</summary>
    public const string Forbidden = "script, iframe, svg, form, [onerror], [onload], [style]";
}
