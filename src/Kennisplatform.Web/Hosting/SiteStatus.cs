using System.Text.Json.Nodes;
using Kennisplatform.Web.Search;

namespace Kennisplatform.Web.Hosting;

/// <summary>GET /status: how this node is doing, for monitoring. Holds no personal data, only counts and item ids.</summary>
public static class SiteStatus
{
    public static void MapSiteStatus(this WebApplication app) =>
        app.MapGet("/status", (SearchIndexer search) =>
        {
            var skipped = search.Skipped;
            return TypedResults.Ok(new JsonObject
            {
                ["search"] = new JsonObject
                {
                    ["documents"] = search.Index.DocumentCount,
                    ["lastChange"] = search.Index.LastChange,
                    ["skipped"] = skipped.Count,
                    ["skippedItems"] = new JsonArray(skipped.Select(id => (JsonNode)id).ToArray()),
                },
            });
        }).CacheOutput(policy => policy.NoCache()).ExcludeFromDescription();
}
