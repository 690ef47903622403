using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages;

/// <summary>Dutch pages for error status codes, shown through UseStatusCodePagesWithReExecute.</summary>
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code)
    {
        // Only re-executed requests keep their status; a direct visit to /status/404 is an ordinary page.
        Code = code is >= 400 and <= 599 ? code : 404;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            Response.StatusCode = Code;
    }
}
