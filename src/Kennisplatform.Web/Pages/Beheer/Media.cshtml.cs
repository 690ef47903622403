using Kennisplatform.Content.Media;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.MediaFiles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>Images and PDFs: upload with alt text, copy the Markdown to insert, delete when no text uses it.</summary>
public sealed class MediaModel(ContentDb db, MediaService media) : PageModel
{
    public sealed record Row(MediaFile File, int UsedBy);

    public IReadOnlyList<Row> Files { get; private set; } = [];
    /// <summary>Said after a redirect: an upload or delete never posts again on refresh, and the form is empty again.</summary>
    [TempData]
    public string? Message { get; set; }
    public string? Problem { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }
    [BindProperty]
    public string AltText { get; set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (Upload is null)
            Problem = "Kies een bestand.";
        else
        {
            await using var stream = Upload.OpenReadStream();
            var (file, problem) = await media.UploadAsync(stream, Upload.FileName, Upload.Length, AltText, User.Identity!.Name!, cancellationToken);
            Problem = problem;
            if (file is not null)
                Message = $"{file.FileName} is opgeslagen. Zet het in een tekst met: {Markdown(file)}";
        }
        if (Problem is null)
            return RedirectToPage();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        Problem = await media.DeleteAsync(id, cancellationToken);
        if (Problem is null)
        {
            Message = "Het bestand is verwijderd.";
            return RedirectToPage();
        }
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public static string Markdown(MediaFile file) => file.IsImage ? $"![{file.AltText}]({file.Url})" : $"[{file.FileName}]({file.Url})";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var files = await db.Media.AsNoTracking().OrderByDescending(m => m.UploadedAt).Take(200).ToListAsync(cancellationToken);
        var usage = await media.UsageAsync(files, cancellationToken);
        Files = files.Select(f => new Row(f, usage[f.Id])).ToList();
    }
}
