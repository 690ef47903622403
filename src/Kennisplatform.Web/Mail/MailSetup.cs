using Kennisplatform.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Mail;

public static class MailSetup
{
    public static void AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection(MailOptions.Section));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddScoped<WorkflowMails>();
        builder.Services.AddSingleton<IMailTransport>(services => services.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpTransport>(services)
            : ActivatorUtilities.CreateInstance<FolderTransport>(services));
        builder.Services.AddHostedService<MailSender>();
        builder.Services.AddSingleton<IMailsWaiting, OutboxWaiting>();
    }

    /// <summary>Says once, at start, where mail goes.</summary>
    public static void LogMailRoute(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        if (options.UsesSmtp)
            app.Logger.LogInformation("Mail goes out through {Host}:{Port}", options.SmtpHost, options.SmtpPort);
        else
            app.Logger.LogWarning("No SMTP server set (Kennisplatform:Mail:SmtpHost): mails are written as .eml files to {Folder}",
                Path.Combine(app.Services.GetRequiredService<IOptions<PlatformOptions>>().Value.DataFolder, "mail"));
    }
}
