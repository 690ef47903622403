namespace Kennisplatform.Web.FollowUps;

public static class FollowUpSetup
{
    public static void AddFollowUps(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FollowUpReminderOptions>().Bind(builder.Configuration.GetSection(FollowUpReminderOptions.Section));
        builder.Services.AddScoped<FollowUpDesk>();
        builder.Services.AddScoped<FollowUpReminderMails>();
        builder.Services.AddHostedService<FollowUpReminderJob>();
    }
}
