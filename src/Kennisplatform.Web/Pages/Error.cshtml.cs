using Kennisplatform.Web.Site;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kennisplatform.Web.Pages;

/// <summary>Shown by the exception handler in place of a failed request, whatever its method; opened directly, an ordinary page.</summary>
[IgnoreAntiforgeryToken, AllowedMethods.AnyMethod]
public sealed class ErrorModel : PageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
            Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
}
