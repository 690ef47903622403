using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.AspNetCore.OutputCaching;

namespace Kennisplatform.Web.OpenData;

/// <summary>
/// Caches each endpoint's responses by the query keys it actually reads, learned from the requests it answers
/// (<see cref="QueryReads"/>): <c>/themas?x=1</c> and <c>/themas?x=2</c> share one copy, while <c>/zoeken?q=a</c> and
/// <c>/zoeken?q=b</c> do not. Until an endpoint is learned, and for code that walks every key, all keys count.
/// A response is stored only when it was looked up by every key its making read, so no request is ever answered with
/// a copy made for other values; a key read for the first time widens what the endpoint varies by from then on.
/// An address with a query string takes part from its second request (<see cref="SecondRequestAdmission"/>).
/// </summary>
public sealed class VaryByQueryKeysRead : IOutputCachePolicy
{
    private sealed record Learned(ImmutableHashSet<string> Keys, bool All);

    private static readonly Learned Unknown = new(ImmutableHashSet<string>.Empty, true);
    private readonly ConcurrentDictionary<string, Learned> learned = new();
    private readonly SecondRequestAdmission admission = new();

    /// <summary>What the lookup of this request varied by, to compare with what its making read.</summary>
    private sealed record LookedUpBy(Learned Rules);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (!context.EnableOutputCaching || context.HttpContext.GetEndpoint() is not RouteEndpoint endpoint)
            return ValueTask.CompletedTask;
        // An address with a query string (a search, a filtered list) uses the cache from its second request on.
        if (context.HttpContext.Request.QueryString.HasValue && !admission.Admit(context.HttpContext.Request))
        {
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
        QueryReads.Start(context.HttpContext);
        var rules = learned.GetValueOrDefault(endpoint.RoutePattern.RawText ?? "", Unknown);
        context.HttpContext.Features.Set(new LookedUpBy(rules));
        context.CacheVaryByRules.QueryKeys = rules.All ? "*" : rules.Keys.Order(StringComparer.Ordinal).ToArray();
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (QueryReads.Of(http) is not { } reads || http.Features.Get<LookedUpBy>() is not { } lookedUp
            || http.GetEndpoint() is not RouteEndpoint endpoint)
            return ValueTask.CompletedTask;
        var all = reads.All || reads.ReadThroughPrefix();
        var key = endpoint.RoutePattern.RawText ?? "";
        learned.AddOrUpdate(key,
            _ => new Learned(reads.Names.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase), all),
            (_, known) => known.All || all || !reads.Names.All(known.Keys.Contains)
                ? new Learned(known.Keys.Union(reads.Names), known.All || all)
                : known);
        var covered = lookedUp.Rules.All || (!all && reads.Names.All(lookedUp.Rules.Keys.Contains));
        if (!covered)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
