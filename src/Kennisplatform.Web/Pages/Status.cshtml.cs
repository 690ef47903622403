using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages;

/// <summary>Dutch pages for error status codes, shown through UseStatusCodePagesWithReExecute whatever the method of the request.</summary>
[IgnoreAntiforgeryToken, AllowedMethods.AnyMethod]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var code = RouteData.Values["code"] is string text && int.TryParse(text, out var number) ? number : 404;
        // Only re-executed requests keep their status; a direct visit to /status/404 is an ordinary page.
        Code = code is >= 400 and <= 599 ? code : 404;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            Response.StatusCode = Code;
    }
}
