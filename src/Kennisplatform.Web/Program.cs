using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Alerts;
using Kennisplatform.Web.Api;
using Kennisplatform.Web.Commands;
using Kennisplatform.Web.Events;
using Kennisplatform.Web.FollowUps;
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
    // appsettings.json (log levels among them) is read from beside the app, whatever the working directory.
    ContentRootPath = AppContext.BaseDirectory,
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
builder.AddFollowUps();

var app = builder.Build();

var platform = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value;
if (platform.DatabaseProblem is not null)
{
    Console.Error.WriteLine(platform.DatabaseProblem);
    return 2;
}
if (commandLine.Verb is not null)
    return await CommandRunner.RunAsync(app, commandLine);

using var siteLock = SiteLock.TryTake(platform, out var lockProblem);
if (siteLock is null)
{
    Console.Error.WriteLine(lockProblem);
    return 1;
}
using var signals = StartupSignals.Listen();
try
{
    await app.PrepareDatabaseAsync(signals.Token);
    await app.OfferSetupLinkAsync();
    await app.PrepareSearchAsync(signals.Token);
    app.LogMailRoute();
    app.EvictCacheOnChanges();
    app.UseProxies();
    app.UsePublicSite();
    app.MapPublicSite();
    var endpoints = app.MapGroup("").AnswerHeadLikeGet();
    endpoints.MapSearchApi();
    endpoints.MapOpenData();
    endpoints.MapMedia();
    endpoints.MapSiteStatus();
    await app.StartAsync(signals.Token);
}
catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
{
    Console.Error.WriteLine("Gestopt tijdens het starten. Er is niets half gedaan achtergebleven; de volgende start gaat gewoon verder.");
    return 0;
}
catch (Exception e) when (StorageFailure.Classify(e, platform.DataFolder) is { } problem)
{
    Console.Error.WriteLine(StorageFailure.Describe(problem));
    return 1;
}
signals.HandOver(app.Lifetime);
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

public partial class Program;
