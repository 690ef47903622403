using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Alerts;
using Kennisplatform.Web.Api;
using Kennisplatform.Web.Commands;
using Kennisplatform.Web.Events;
using Kennisplatform.Web.Hosting;
using Kennisplatform.Web.Mail;
using Kennisplatform.Web.MediaFiles;
using Kennisplatform.Web.OpenData;
using Kennisplatform.Web.Search;
using Kennisplatform.Web.Site;
using Kennisplatform.Web.Submissions;

var commandLine = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = commandLine.HostArgs,
    WebRootPath = SiteFolders.WebRoot(),
});

builder.AddPlatformOptions();
builder.AddContent();
builder.AddAccounts();
builder.AddSearch();
builder.AddPublicSite();
builder.AddOpenData();
builder.AddSubmissions();
builder.AddMedia();
builder.AddMail();
builder.AddEventRegistrations();
builder.AddAlerts();

var app = builder.Build();

var platform = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value;
if (platform.DatabaseProblem is not null)
{
    Console.Error.WriteLine(platform.DatabaseProblem);
    return 2;
}
if (commandLine.Verb is not null)
    return await CommandRunner.RunAsync(app, commandLine);

using var siteLock = SiteLock.TryTake(platform);
if (siteLock is null)
{
    Console.Error.WriteLine("Er draait al een website met deze datamap. Stop die eerst, of start met een andere datamap (--data MAP).");
    return 1;
}
await app.PrepareDatabaseAsync();
await app.OfferSetupLinkAsync();
await app.PrepareSearchAsync();
app.LogMailRoute();
app.EvictCacheOnChanges();
app.UseProxies();
app.UsePublicSite();
app.MapPublicSite();
app.MapSearchApi();
app.MapOpenData();
app.MapMedia();
app.MapSiteStatus();
await app.RunAsync();
return 0;

public partial class Program;
