using System.Data.Common;
using Kennisplatform.Content.Alerts;
using Kennisplatform.Content.Cases;
using Kennisplatform.Content.Storage;
using Kennisplatform.Content.Themes;
using Kennisplatform.Web.Alerts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>A digest whose mail could not be written is not lost: its period is claimed only together with the mail.</summary>
public class DigestCrashTests(DigestCrashTests.Factory factory) : IClassFixture<DigestCrashTests.Factory>
{
    /// <summary>While armed, writing a mail to the outbox fails, as a crash or a full disk at that moment would.</summary>
    public sealed class OutboxBreaker : DbCommandInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"Outbox\"", StringComparison.Ordinal))
                throw new IOException("The process stopped while writing the outbox.");
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    public sealed class Factory() : InterceptedSiteFactory(new OutboxBreaker())
    {
        public OutboxBreaker Breaker => (OutboxBreaker)Interceptor;
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task A_digest_that_failed_to_reach_the_outbox_is_sent_in_the_next_round()
    {
        const string reader = "volger@example.org";
        await WithAsync(async services =>
        {
            var alerts = services.GetRequiredService<AlertSubscriptions>();
            await alerts.SubscribeAsync(reader, new AlertTopic(AlertKind.Theme, "eenzaamheid", "eenzaamheid"), AlertFrequency.Weekly, "https://kennis.example.org", CancellationToken.None);
            var code = await services.GetRequiredService<ContentDb>().Subscriptions.Where(s => s.Email == reader).Select(s => s.Code).SingleAsync();
            return await alerts.ConfirmAsync(code, CancellationToken.None);
        });
        factory.Clock.Now = factory.Clock.Now.AddMinutes(5);
        var theme = await WithAsync(services => services.GetRequiredService<ContentDb>().Items.OfType<Theme>().SingleAsync(t => t.Slug == "eenzaamheid"));
        var item = new Case { Title = "Samen eten tegen eenzaamheid", Outcome = CaseOutcome.Succeeded, Municipality = "Ede", Summary = "Samen eten.", Themes = [theme] };
        item.Publish(factory.Clock.Now.UtcDateTime);
        await factory.SaveAsync(item);
        factory.Clock.Now = factory.Clock.Now.AddDays(8);

        factory.Breaker.Armed = true;
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => WithAsync(services => services.GetRequiredService<AlertSubscriptions>().SendDueDigestsAsync(CancellationToken.None)));
        }
        finally
        {
            factory.Breaker.Armed = false;
        }
        Assert.Equal(0, await WithAsync(services => services.GetRequiredService<ContentDb>().Outbox.CountAsync(m => m.ToAddress == reader && m.Purpose == "alert")));

        Assert.Equal(1, await WithAsync(services => services.GetRequiredService<AlertSubscriptions>().SendDueDigestsAsync(CancellationToken.None)));
        var digest = await WithAsync(services => services.GetRequiredService<ContentDb>().Outbox.SingleAsync(m => m.ToAddress == reader && m.Purpose == "alert"));
        Assert.Contains("Samen eten tegen eenzaamheid", digest.TextBody);
        Assert.Equal(0, await WithAsync(services => services.GetRequiredService<AlertSubscriptions>().SendDueDigestsAsync(CancellationToken.None)));
    }
}
