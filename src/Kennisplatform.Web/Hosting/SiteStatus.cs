using System.Data.Common;
using Kennisplatform.Content.Changes;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kennisplatform.Web.Hosting;

public sealed record DatabaseStatus(bool Reachable, string? Problem);

/// <summary>
/// This node's index: <see cref="Generation"/> rises each time changes reach search; <see cref="LastChange"/> is the
/// change-log row up to which everything is applied, <see cref="Highest"/> the highest applied (the ids between are
/// open gaps, <see cref="OpenGapIds"/>); <see cref="ChangesBehind"/> counts committed rows not applied yet.
/// </summary>
public sealed record SearchStatus(long Generation, int Documents, long LastChange, long Highest, long OpenGapIds, int? ChangesBehind,
    int Skipped, IReadOnlyCollection<int> SkippedItems);

public sealed record MailStatus(int? Waiting);

/// <summary>What GET /status reports about the node that answers. Counts and item ids only: no personal data.</summary>
public sealed record NodeStatus(string Node, bool Healthy, DateTime CheckedAt, DatabaseStatus Database, SearchStatus Search, MailStatus Mail);

/// <summary>
/// Counts mails in the outbox that wait to be sent; the mail feature registers one. Without it /status reports
/// <c>"waiting": null</c>: this site sends no mail through an outbox.
/// </summary>
public interface IMailsWaiting
{
    Task<int> CountAsync(CancellationToken cancellationToken);
}

/// <summary>
/// GET /status: how this node is doing, for a load balancer, monitoring and people. 200 when the node can serve
/// (database reachable, index open), 503 when it cannot, so a balancer with health checks takes it out.
/// </summary>
public static class SiteStatus
{
    /// <summary>The name /status gives this node; the machine's name when not set. Set one per node when several share a machine.</summary>
    public const string NodeNameKey = "Kennisplatform:NodeName";
    /// <summary>A database that does not answer within this time counts as unreachable.</summary>
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(3);

    public static void MapSiteStatus(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/status", ReadAsync).CacheOutput(policy => policy.NoCache()).ExcludeFromDescription();

    private static async Task<JsonHttpResult<NodeStatus>> ReadAsync(HttpContext context, ContentDb db, SearchIndexer search,
        IConfiguration configuration, TimeProvider clock, ILogger<NodeStatus> log, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        var position = search.Position;
        int? behind = null;
        int? mails = null;
        string? problem = null;
        try
        {
            behind = await db.CountBehindAsync(position, timeout.Token);
            if (context.RequestServices.GetService<IMailsWaiting>() is { } outbox)
                mails = await outbox.CountAsync(timeout.Token);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The details go to the log, not to a public page.
            log.LogWarning(e, "Status check: database not reachable");
            problem = e is OperationCanceledException ? $"De database gaf geen antwoord binnen {DatabaseTimeout.TotalSeconds:0} seconden." : "De database is niet bereikbaar.";
        }

        var skipped = search.Skipped;
        var status = new NodeStatus(
            configuration[NodeNameKey] is { Length: > 0 } name ? name : Environment.MachineName,
            problem is null && search.IsOpen, clock.GetUtcNow().UtcDateTime,
            new DatabaseStatus(problem is null, problem),
            new SearchStatus(search.Generation, search.IsOpen ? search.Index.DocumentCount : 0, position.Settled, position.Highest,
                position.GapIds, behind, skipped.Count, skipped),
            new MailStatus(mails));
        return TypedResults.Json(status, statusCode: status.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
