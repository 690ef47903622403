namespace Kennisplatform.Web.Submissions;

public static class SubmissionSetup
{
    public static void AddSubmissions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SubmissionOptions>().Bind(builder.Configuration.GetSection("Kennisplatform:Submissions"));
        builder.Services.AddScoped<SubmissionGuard>();
        builder.Services.AddScoped<Contact.ContactRelay>();
        builder.Services.AddScoped<Trials.TrialDesk>();
    }
}
