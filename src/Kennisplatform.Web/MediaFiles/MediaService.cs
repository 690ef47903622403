using Kennisplatform.Content.Media;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.MediaFiles;

public sealed class MediaOptions
{
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The limit as people read it, next to the upload field and in the refusal: "10 MB".</summary>
    public string MaxSize => $"{MaxBytes / 1024 / 1024} MB";
}

/// <summary>Uploads, serves and deletes media. Files are stored under the data folder, never in the web root.</summary>
public sealed class MediaService(ContentDb db, IOptions<PlatformOptions> platform, IOptions<MediaOptions> options, TimeProvider clock)
{
    private string Folder => platform.Value.MediaFolder;

    public async Task<(MediaFile? File, string? Problem)> UploadAsync(Stream content, string originalName, long length, string altText, string uploadedBy, CancellationToken cancellationToken)
    {
        if (length == 0)
            return (null, "Kies een bestand.");
        if (length > options.Value.MaxBytes)
            return (null, $"Het bestand is te groot: hoogstens {options.Value.MaxSize}.");
        var head = new byte[16];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var type = MediaTypes.Detect(head.AsSpan(0, read));
        if (type is null)
            return (null, "Dit is geen afbeelding (PNG, JPEG, GIF, WebP) of PDF. Andere soorten bestanden kunnen niet.");
        if (type.StartsWith("image/", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(altText))
            return (null, "Beschrijf wat er op de afbeelding staat (alt-tekst), voor wie de afbeelding niet kan zien.");

        // The file is written beside its final place first and moved there only after its row is committed, so a full
        // disk or a refused save never leaves a file without a row or a row with half a file. A crash between commit
        // and move leaves a row whose file is missing (served as "not found") and a file the next upload sweeps away.
        Directory.CreateDirectory(IncomingFolder);
        SweepIncoming();
        var stored = Guid.NewGuid().ToString("N") + MediaTypes.Extension(type);
        var incoming = Path.Combine(IncomingFolder, stored);
        try
        {
            await using (var file = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write))
            {
                await file.WriteAsync(head.AsMemory(0, read), cancellationToken);
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            var media = new MediaFile
            {
                FileName = SafeName(originalName, type), StoredName = stored, ContentType = type, Size = new FileInfo(incoming).Length,
                AltText = altText.Trim(), UploadedBy = uploadedBy, UploadedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Media.Add(media);
            await db.SaveChangesAsync(cancellationToken);
            // A rename within one file system needs no space; should it fail all the same, the row goes again.
            try
            {
                File.Move(incoming, Path.Combine(Folder, stored));
            }
            catch (IOException)
            {
                db.Media.Remove(media);
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }
            return (media, null);
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    /// <summary>Where uploads are written until their row is committed: inside the media folder (one file system), in a
    /// subfolder that serving and backups never read.</summary>
    private string IncomingFolder => Path.Combine(Folder, ".incoming");

    /// <summary>Removes what an upload left behind when the process died while writing it.</summary>
    private void SweepIncoming()
    {
        var before = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        foreach (var left in new DirectoryInfo(IncomingFolder).EnumerateFiles())
        {
            if (left.LastWriteTimeUtc < before)
                left.Delete();
        }
    }

    /// <summary>What a text contains when it uses the file: the start of its address.</summary>
    private static string Marker(int id) => $"/media/{id}/";

    /// <summary>The items whose text links to the file; a file in use cannot be deleted.</summary>
    public Task<List<ContentItem>> UsedByAsync(MediaFile media, CancellationToken cancellationToken)
    {
        var pattern = "%" + Marker(media.Id) + "%";
        return db.Items.AsNoTracking().Where(i => EF.Functions.Like(i.Body, pattern) || EF.Functions.Like(i.Summary, pattern)).ToListAsync(cancellationToken);
    }

    /// <summary>For a list of files, how many texts use each: one query for the texts that link to any file.</summary>
    public async Task<Dictionary<int, int>> UsageAsync(IReadOnlyList<MediaFile> files, CancellationToken cancellationToken)
    {
        var texts = await db.Items.AsNoTracking()
            .Where(i => EF.Functions.Like(i.Body, "%/media/%") || EF.Functions.Like(i.Summary, "%/media/%"))
            .Select(i => i.Body + "\n" + i.Summary).ToListAsync(cancellationToken);
        return files.ToDictionary(f => f.Id, f => texts.Count(t => t.Contains(Marker(f.Id), StringComparison.Ordinal)));
    }

    public async Task<string?> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Media.FindAsync([id], cancellationToken) is not { } media)
            return "Dit bestand bestaat niet (meer).";
        var users = await UsedByAsync(media, cancellationToken);
        if (users.Count > 0)
            return $"Dit bestand wordt gebruikt in: {string.Join(", ", users.Select(u => u.Title))}. Haal het daar eerst weg.";
        db.Media.Remove(media);
        await db.SaveChangesAsync(cancellationToken);
        File.Delete(Path.Combine(Folder, media.StoredName));
        return null;
    }

    public string PathOf(MediaFile media) => Path.Combine(Folder, media.StoredName);

    private static string SafeName(string original, string type)
    {
        var stem = SlugRules.FromTitle(Path.GetFileNameWithoutExtension(original));
        return (stem.Length > 60 ? stem[..60].TrimEnd('-') : stem) + MediaTypes.Extension(type);
    }
}

public static class MediaSetup
{
    private const long FormOverhead = 2 * 1024 * 1024;

    public static void AddMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>().Bind(builder.Configuration.GetSection("Kennisplatform:Media"));
        // The upload form may carry the largest file the options allow, plus room for the other fields; the service
        // refuses a larger file with a Dutch message, the form limit only stops a request far beyond it.
        builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>().Configure<IOptions<MediaOptions>>((pages, media) =>
            pages.Conventions.AddPageApplicationModelConvention("/Beheer/Media", page =>
                page.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = media.Value.MaxBytes + FormOverhead })));
        builder.Services.AddScoped<MediaService>();
    }

    /// <summary>
    /// GET /media/{id}/{name}: the stored file with its checked type, nosniff, and a sandboxing policy, so not even a
    /// crafted file can run script on this site. PDFs download rather than open inline.
    /// </summary>
    public static void MapMedia(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/media/{id:int}/{name}", async (int id, string name, ContentDb db, MediaService media, HttpContext context, CancellationToken cancellationToken) =>
        {
            var file = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (file is null || file.FileName != name || !File.Exists(media.PathOf(file)))
                return Results.NotFound();
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            headers.CacheControl = "public, max-age=86400";
            headers.ContentDisposition = (file.IsImage ? "inline" : "attachment") + $"; filename=\"{file.FileName}\"";
            return Results.File(media.PathOf(file), file.ContentType);
        }).ExcludeFromDescription();
}
