using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kennisplatform.Web.Tests;

/// <summary>Mail through a real SMTP server process (smtp4dev), behind a relay the tests switch off to play "server down".</summary>
public sealed class SmtpTests(Smtp4dev smtp) : IClassFixture<Smtp4dev>, IDisposable
{
    private readonly SwitchableRelay relay = new(smtp.SmtpPort);

    public class Site : SiteFactory
    {
        private readonly int port;

        public Site(int port) => this.port = port;

        /// <summary>A second node on the database of <paramref name="first"/>: it takes over the outbox.</summary>
        public Site(int port, SiteFactory first) : base(first) => this.port = port;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kennisplatform:Mail:SmtpHost", "127.0.0.1");
            builder.UseSetting("Kennisplatform:Mail:SmtpPort", port.ToString());
            builder.UseSetting("Kennisplatform:Mail:Security", "None");
            builder.UseSetting("Kennisplatform:Mail:PollInterval", "00:00:00.2");
            builder.UseSetting("Kennisplatform:Mail:SmtpTimeout", "00:00:05");
        }

        public async Task QueueAsync(params string[] subjects)
        {
            await using var scope = Services.CreateAsyncScope();
            var mailer = scope.ServiceProvider.GetRequiredService<Mailer>();
            foreach (var subject in subjects)
                mailer.Queue(new MailMessage("test", "ontvanger@example.org", "Ontvanger", subject, ["Een bericht om te testen."]));
            await scope.ServiceProvider.GetRequiredService<ContentDb>().SaveChangesAsync();
            mailer.Wake();
        }

        public async Task<OutboxStatus> StatusAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            return await OutboxStatus.ReadAsync(scope.ServiceProvider.GetRequiredService<ContentDb>());
        }
    }

    [Fact]
    public async Task A_mail_arrives_at_the_smtp_server_with_a_text_and_an_html_part()
    {
        using var site = new Site(relay.Port);
        _ = site.Server;
        var subject = $"Bezorgd {Guid.NewGuid():N}";
        await site.QueueAsync(subject);
        var received = (await smtp.WaitForAsync(m => m.Subject == subject)).Single();
        var raw = await smtp.RawAsync(received.Id);
        Assert.Contains("text/plain", raw);
        Assert.Contains("text/html", raw);
        Assert.Contains("Kennisplatform wijken", raw);
        // The sender marks the mail sent just after the server took it: give that write a moment on a busy machine.
        var waiting = -1;
        for (var i = 0; i < 200 && waiting != 0; i++, await Task.Delay(50))
            waiting = (await site.StatusAsync()).Waiting;
        Assert.Equal(0, waiting);
    }

    [Fact]
    public async Task While_the_server_is_down_mail_waits_and_is_sent_once_it_is_back()
    {
        using var site = new Site(relay.Port);
        _ = site.Server;
        relay.Down = true;
        var subject = $"Vertraagd {Guid.NewGuid():N}";
        await site.QueueAsync(subject);
        OutboxStatus status = new(0, 0, 0, "");
        for (var i = 0; i < 100 && status.Failing == 0; i++, await Task.Delay(100))
            status = await site.StatusAsync();
        Assert.Equal((1, 1), (status.Waiting, status.Failing));
        var nodeStatus = await NodeCatchUpTests.StatusAsync(site.CreatePlainClient(), System.Net.HttpStatusCode.OK);
        Assert.Equal(1, nodeStatus.GetProperty("mail").GetProperty("waiting").GetInt32());

        relay.Down = false;
        site.Clock.Now = site.Clock.Now.AddMinutes(5); // past the back-off
        await smtp.WaitForAsync(m => m.Subject == subject);
        var waiting = 1;
        for (var i = 0; i < 100 && waiting > 0; i++, await Task.Delay(100))
            waiting = (await site.StatusAsync()).Waiting; // marked sent just after the server took it
        Assert.Equal(0, waiting);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_sending_sends_every_mail_exactly_once()
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        var subjects = Enumerable.Range(1, 12).Select(i => $"Reeks {batch} nummer {i}").ToArray();
        relay.Delay = TimeSpan.FromMilliseconds(300);
        using var first = new Site(relay.Port);
        _ = first.Server;
        await first.QueueAsync(subjects);
        await smtp.WaitForAsync(m => m.Subject.Contains(batch), count: 3);
        // The first node stops in the middle of the batch (between two mails); a second node on the same database
        // takes over what still waits.
        await first.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHost>().StopAsync();
        using var second = new Site(relay.Port, first);
        _ = second.Server;
        relay.Delay = TimeSpan.Zero;
        await smtp.WaitForAsync(m => m.Subject.Contains(batch), count: subjects.Length);
        await Task.Delay(1000); // room for a duplicate to show up
        var received = (await smtp.MessagesAsync()).Where(m => m.Subject.Contains(batch)).Select(m => m.Subject).Order().ToList();
        Assert.Equal(subjects.Order(), received);
        await using var scope = second.Services.CreateAsyncScope();
        Assert.Equal(subjects.Length, await scope.ServiceProvider.GetRequiredService<ContentDb>().Outbox.CountAsync(m => m.SentAt != null && m.Attempts == 1));
    }

    public void Dispose() => relay.Dispose();
}
