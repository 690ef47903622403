using Kennisplatform.Content.Alerts;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Search.Querying;
using Kennisplatform.Web.Events;
using Kennisplatform.Web.Mail;
using Kennisplatform.Web.Search;
using Kennisplatform.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Alerts;

/// <summary>Subscribing with double opt-in, confirming, unsubscribing, and the weekly or monthly digest.</summary>
public sealed class AlertSubscriptions(ContentDb db, Mailer mailer, SearchIndexer search, TimeProvider clock)
{
    public static string UnsubscribeUrl(string baseUrl, string code) => $"{baseUrl}/op-de-hoogte/afmelden?code={code}";

    /// <summary>Stores an unconfirmed alert and mails the confirm link. Nothing else is ever sent before it is confirmed.</summary>
    public async Task SubscribeAsync(string email, AlertTopic topic, AlertFrequency frequency, string baseUrl, CancellationToken cancellationToken)
    {
        var (code, _) = SecretCodes.New();
        db.Subscriptions.Add(new Subscription
        {
            Email = email, Kind = topic.Kind, Value = topic.Value, Label = topic.Label, Frequency = frequency,
            Code = code, BaseUrl = baseUrl, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        mailer.Queue(new MailMessage("alert-bevestigen", email, "", "Bevestig: op de hoogte blijven",
        [
            $"Je vroeg om {frequency.Label().ToLowerInvariant()} een e-mail met nieuwe kennis over {topic.Label}. Klopt dat? Bevestig het met de knop hieronder.",
            "Vroeg jij dit niet? Dan hoef je niets te doen: zonder bevestiging sturen we niets en verwijderen we je adres na een week.",
        ])
        { Link = new("Ja, houd me op de hoogte", $"{baseUrl}/op-de-hoogte/bevestigen?code={code}") });
        await db.SaveChangesAsync(cancellationToken);
        mailer.Wake();
    }

    public Task<Subscription?> FindAsync(string? code, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(code) ? Task.FromResult<Subscription?>(null) : db.Subscriptions.FirstOrDefaultAsync(s => s.Code == code, cancellationToken);

    public async Task<Subscription?> ConfirmAsync(string? code, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } subscription)
            return null;
        subscription.ConfirmedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return subscription;
    }

    /// <summary>Ends the alert and deletes the address. True when there was one.</summary>
    public async Task<bool> UnsubscribeAsync(string? code, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(code) && await db.Subscriptions.Where(s => s.Code == code).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Sends every digest that is due; returns how many went out. Nothing new: no mail, and the period rolls on.</summary>
    public async Task<int> SendDueDigestsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var confirmed = await db.Subscriptions.AsNoTracking().Where(s => s.ConfirmedAt != null).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var subscription in confirmed.Where(s => s.IsDueAt(now)))
        {
            // Claim the period (only one node can move it from the value it read) and put the digest in the outbox in
            // one transaction: a crash or a failed write in between takes the claim back, so the next round sends it.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var previous = subscription.CoveredUntil;
            var claimed = await db.Subscriptions.Where(s => s.Id == subscription.Id && s.CoveredUntil == previous)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.CoveredUntil, now), cancellationToken);
            if (claimed == 0)
                continue;
            var items = await NewItemsAsync(subscription, previous ?? subscription.ConfirmedAt!.Value, now, cancellationToken);
            if (items.Count > 0) // nothing new: no mail, and the period rolls on
            {
                mailer.Queue(Digest(subscription, items));
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        mailer.Wake();
        return sent;
    }

    private async Task<IReadOnlyList<ContentItem>> NewItemsAsync(Subscription subscription, DateTime since, DateTime until, CancellationToken cancellationToken)
    {
        var published = db.Items.AsNoTracking().VisibleAt(until).Where(i => i.PublishedAt > since && i.PublishedAt <= until && !(i is Content.Pages.Page));
        switch (subscription.Kind)
        {
            case AlertKind.Theme:
                return await published.Where(i => i.Themes.Any(t => t.Slug == subscription.Value)).OrderBy(i => i.PublishedAt).Take(50).ToListAsync(cancellationToken);
            case AlertKind.Type:
                return Dutch.TryParse<ContentType>(subscription.Value, out var kind)
                    ? await published.OfKind(kind).OrderBy(i => i.PublishedAt).Take(50).ToListAsync(cancellationToken) : [];
            default:
                var hits = search.Search.Search(new SearchRequest { Text = subscription.Value, PageSize = 200, Correct = false });
                var ids = hits.Hits.Select(h => h.Id).ToList();
                return await published.Where(i => ids.Contains(i.Id)).OrderBy(i => i.PublishedAt).Take(50).ToListAsync(cancellationToken);
        }
    }

    private static MailMessage Digest(Subscription subscription, IReadOnlyList<ContentItem> items)
    {
        var list = string.Join("\n", items.Select(i => $"- {i.Title} ({i.Kind.Label().ToLowerInvariant()}): {subscription.BaseUrl}{Sections.UrlOf(i)}"));
        return new MailMessage("alert", subscription.Email, "", $"Nieuw op Kennisplatform wijken: {subscription.Label}",
        [
            $"Sinds de vorige e-mail is er nieuwe kennis verschenen over {subscription.Label}:",
            list,
            $"Je krijgt deze e-mail {subscription.Frequency.Label().ToLowerInvariant()}, omdat je je hebt aangemeld op Kennisplatform wijken.",
        ])
        { UnsubscribeUrl = UnsubscribeUrl(subscription.BaseUrl, subscription.Code) };
    }
}

/// <summary>Looks every hour for digests that are due. Several nodes may look; a digest is claimed by moving its period first.</summary>
public sealed class AlertDigestJob(IServiceScopeFactory scopes, ILogger<AlertDigestJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<AlertSubscriptions>().SendDueDigestsAsync(stoppingToken);
                if (sent > 0)
                    log.LogInformation("Sent {Count} alert digests", sent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Alert digests not sent this round");
            }
            try { await Task.Delay(Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}

public static class AlertsSetup
{
    public static void AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AlertSubscriptions>();
        builder.Services.AddHostedService<AlertDigestJob>();
    }
}
