using System.Text;
using Kennisplatform.Content.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Content.Files;

/// <summary>Writes every item, in any state, as a content file that imports back to the same content.</summary>
public sealed class ContentExporter(ContentDb db)
{
    public async Task<int> ExportAsync(string folder, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var items = await db.Items.AsNoTrackingWithIdentityResolution().WithLinks()
            .OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (index, item) in items.Index())
        {
            var path = Path.Combine(folder, ContentFile.PathFor(item));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, ContentFile.Write(item), utf8, cancellationToken);
            // Approved reports only (WithLinks loads no others): a waiting one and every sender's details never leave the database.
            foreach (var report in item.TrialReports.Where(r => r.IsPublic))
            {
                var (relative, text) = TrialReportFiles.Write(item, report);
                Directory.CreateDirectory(Path.Combine(folder, TrialReportFiles.Folder));
                await File.WriteAllTextAsync(Path.Combine(folder, relative), text, utf8, cancellationToken);
            }
            progress?.Report(new("schrijven", index + 1, items.Count));
            // Published follow-ups only: a proposal and its sender's details never leave the database.
            if (item is Cases.Case withFollowUps)
                foreach (var followUp in withFollowUps.FollowUps.Where(f => f.IsPublic))
                {
                    var (relative, text) = FollowUpFiles.Write(withFollowUps, followUp);
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, relative))!);
                    await File.WriteAllTextAsync(Path.Combine(folder, relative), text, utf8, cancellationToken);
                }
        }
        return items.Count;
    }
}
