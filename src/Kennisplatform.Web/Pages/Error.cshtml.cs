using Kennisplatform.Web.Hosting;
using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Pages;

/// <summary>
/// Shown by the exception handler in place of a failed request, whatever its method; opened directly, an ordinary page.
/// A write refused by a full or read-only disk is not our bug but a passing state: 503 with "kon niet opslaan".
/// </summary>
[IgnoreAntiforgeryToken, AllowedMethods.AnyMethod]
public sealed class ErrorModel(IOptions<PlatformOptions> platform, ILogger<ErrorModel> log) : PageModel
{
    /// <summary>How long a client is asked to wait before trying a refused write again.</summary>
    public const int RetryAfterSeconds = 300;

    public StorageProblem? Storage { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not { } failure)
            return;
        Storage = StorageFailure.Classify(failure.Error, platform.Value.DataFolder);
        if (Storage is { } problem)
        {
            log.LogCritical("Could not write on {Path}: the storage is {Problem}.", failure.Path, problem == StorageProblem.Full ? "full" : "read-only");
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }
}
