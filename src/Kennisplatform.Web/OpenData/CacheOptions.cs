namespace Kennisplatform.Web.OpenData;

/// <summary>Limits of the in-memory cache of public responses (Kennisplatform:Cache).</summary>
public sealed class CacheOptions
{
    /// <summary>All cached responses together stay under this size; the least recently used go first.</summary>
    public int SizeLimitMegabytes { get; set; } = 32;
    /// <summary>A response larger than this is sent but not kept (the exports, which are streamed).</summary>
    public int MaximumBodyKilobytes { get; set; } = 1024;
}
