using Kennisplatform.Content.Files;
using Kennisplatform.Content.Model;
using Kennisplatform.Content.Revisions;
using Kennisplatform.Content.Storage;
using Kennisplatform.Web.Accounts;
using Kennisplatform.Web.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Pages.Beheer;

/// <summary>
/// Creating and editing any content type. The form is made from the type's content-file fields, and a save goes
/// through the same reader and rules as an import, then through the store (revision, alias, concurrency check).
/// Auteurs edit only their own concepts and cannot publish; that is checked here, on the server.
/// </summary>
public sealed class BewerkenModel(ContentDb db, ContentStore store, IAuthorizationService authorization, TimeProvider clock, Kennisplatform.Web.Mail.WorkflowMails workflowMails, ReviewThread thread, EditorNames names) : PageModel
{
    public const int ImagePickerSize = 24;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public ContentItem Item { get; private set; } = null!;
    public bool IsNew => Item.Id == 0;
    public IReadOnlyList<FileField> Fields { get; private set; } = [];
    public Dictionary<string, string> Values { get; } = new();
    public Dictionary<string, HashSet<string>> Selected { get; } = new();
    public Dictionary<ContentType, List<(string Slug, string Title)>> Options { get; } = new();
    /// <summary>The newest images of the media library, to insert into the text with their alt text.</summary>
    public IReadOnlyList<Kennisplatform.Content.Media.MediaFile> Images { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new();
    public string Body { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public int Version { get; private set; }
    /// <summary>A connector's private address for relayed questions; not a content-file field, so never exported or revisioned.</summary>
    public string PrivateEmail { get; private set; } = "";
    /// <summary>Other events at the same time in the same municipality, named in a warning.</summary>
    public IReadOnlyList<Kennisplatform.Content.Events.Event> Overlapping { get; private set; } = [];
    public bool CanPublish { get; private set; }
    /// <summary>An auteur's own item that they may see but not change now (offered, published or archived).</summary>
    public bool ReadOnly { get; private set; }
    public IReadOnlyList<RemarkView> Remarks { get; private set; } = [];
    public IReadOnlyList<RevisionSummary> Revisions { get; private set; } = [];
    public NameBook Names { get; private set; } = NameBook.Empty;
    public string? Saved { get; private set; }
    public (string Mine, string Theirs)? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, string? type)
    {
        if (await LoadAsync(key, type) is { } refusal)
            return refusal;
        Show(Item);
        await LoadThreadAsync();
        Saved = Request.Query.ContainsKey("aangeboden") ? "Aangeboden ter beoordeling. De redactie kijkt ernaar en publiceert het, of stuurt het met een opmerking terug. Je krijgt daarover een e-mail."
            : Request.Query.ContainsKey("teruggestuurd") ? "Teruggestuurd naar de auteur, met je opmerking. Het is weer een concept."
            : Request.Query.ContainsKey("onvolledig") ? "Opgeslagen als concept, maar nog niet verder gestuurd: vul eerst aan wat hieronder bij 'Nog nodig' staat."
            : Request.Query.ContainsKey("opmerking") ? "Je opmerking staat erbij."
            : Request.Query.ContainsKey("opgeslagen") ? "Opgeslagen." : null;
        if (Item is Kennisplatform.Content.Events.Event planned)
            Overlapping = await Kennisplatform.Web.Events.EventOverlap.FindAsync(db, planned);
        return Page();
    }

    /// <summary>The longest text the live preview renders; the form itself takes longer texts.</summary>
    public const int PreviewLimit = 200_000;

    /// <summary>
    /// The live preview of editor.js: Markdown in, the same sanitised HTML the public page shows out. Nothing is
    /// read or saved; the folder's policy and the antiforgery header guard it like every back-office post.
    /// </summary>
    public IActionResult OnPostWeergave(string? markdown, [FromServices] Kennisplatform.Content.Rendering.MarkdownRenderer renderer) =>
        (markdown?.Length ?? 0) > PreviewLimit
            ? Content("<p>Deze tekst is te lang voor het directe voorbeeld. Gebruik de knop Voorbeeld na het opslaan.</p>", "text/html; charset=utf-8")
            : Content(renderer.ToHtml(markdown), "text/html; charset=utf-8");

    /// <summary>A remark in the item's review thread, by anyone who may see the item.</summary>
    public async Task<IActionResult> OnPostOpmerkingAsync(string key, string? opmerking)
    {
        if (await LoadAsync(key, null) is { } refusal)
            return refusal;
        if (IsNew)
            return NotFound();
        var (text, problem) = Kennisplatform.Content.Reviews.ReviewRemark.Check(opmerking);
        if (text is null)
        {
            Show(Item);
            await LoadThreadAsync();
            Errors["nieuwe-opmerking"] = problem!;
            RemarkDraft = opmerking ?? "";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await thread.AddAsync(Item, User, text, HttpContext.RequestAborted);
        return Redirect(Url.Page("/Beheer/Bewerken", new { key = Item.Id, opmerking = 1 }) + "#opmerkingen");
    }

    /// <summary>What was typed in the remark box, kept when it could not be saved.</summary>
    public string RemarkDraft { get; private set; } = "";
    /// <summary>The remark typed with "Terugsturen met opmerking", kept when the item could not be sent back.</summary>
    public string SendBackDraft { get; private set; } = "";

    public async Task<IActionResult> OnPostAsync(string key, string? type, string? actie, int version)
    {
        if (await LoadAsync(key, type) is { } refusal)
            return refusal;
        if (ReadOnly)
            return Forbid();
        var form = Request.Form;
        var posted = Fields.Where(f => !ContentFields.WorkflowKeys.Contains(f.Key)).ToDictionary(
            f => f.Key,
            f => f.Kind is FieldKind.Links or FieldKind.Choices
                ? FileValue.Items(form["f." + f.Key].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList())
                : FileValue.Text(form["f." + f.Key].ToString()));
        posted[ContentFields.SlugKey] = FileValue.Text(form["slug"].ToString());
        var problems = (await store.ApplyEditsAsync(Item, posted, form["body"].ToString(), HttpContext.RequestAborted)).ToList();
        if (Item is Kennisplatform.Content.Connectors.Connector person)
        {
            var email = form["prive_email"].ToString().Trim();
            if (!new Site.OptionalEmailAttribute().IsValid(email) || email.Length > 200)
                problems.Add(new("prive_email", "Dit is geen geldig e-mailadres."));
            else
                person.ContactEmail = email;
        }

        List<object> alongside = [];
        if (problems.Count == 0 && actie == "terugsturen" && CanPublish)
        {
            // Sending back without saying why leaves the auteur guessing: the remark is required, and saved with the item.
            var (remark, problem) = Kennisplatform.Content.Reviews.ReviewRemark.Check(form["opmerking"]);
            if (remark is null)
                problems.Add(new("opmerking", problem == "Schrijf een opmerking." ? "Schrijf voor de auteur op wat er nog moet gebeuren." : problem!));
            else
                alongside.Add(await thread.NewAsync(Item, User, remark, sentBack: true));
        }
        // An incomplete concept offered or published is still saved, as a concept: nothing typed is lost, and the
        // checklist on the page says what is missing.
        var incomplete = problems.Count == 0 && Item.Status == ContentStatus.Draft && Item.Missing().Any()
            && (actie == "aanbieden" || (CanPublish && actie is "publiceren" or "inplannen"));
        if (problems.Count == 0 && !incomplete)
        {
            try
            {
                ApplyAction(actie);
            }
            catch (ContentRuleException e)
            {
                problems.Add(new("actie", e.Message));
            }
        }
        if (problems.Count == 0)
        {
            var result = await store.SaveAsync(Item, User.Identity!.Name!, IsNew ? 0 : version, HttpContext.RequestAborted, alongside);
            switch (result.Outcome)
            {
                case SaveOutcome.Saved or SaveOutcome.Unchanged:
                    if (result.Outcome == SaveOutcome.Saved && !incomplete && actie is "aanbieden" or "terugsturen" or "publiceren" or "inplannen")
                        await workflowMails.AfterAsync(Item, actie, User.Identity!.Name!, HttpContext,
                            alongside.OfType<Kennisplatform.Content.Reviews.ReviewRemark>().FirstOrDefault()?.Text);
                    return incomplete ? RedirectToPage("/Beheer/Bewerken", new { key = Item.Id, onvolledig = 1 }) : actie switch
                    {
                        "aanbieden" => RedirectToPage("/Beheer/Bewerken", new { key = Item.Id, aangeboden = 1 }),
                        "terugsturen" => RedirectToPage("/Beheer/Bewerken", new { key = Item.Id, teruggestuurd = 1 }),
                        _ => RedirectToPage("/Beheer/Bewerken", new { key = Item.Id, opgeslagen = 1 }),
                    };
                case SaveOutcome.Conflict:
                    Conflict = (ContentFile.Write(Item), result.CurrentSnapshot ?? "");
                    problems.AddRange(result.Errors);
                    break;
                default:
                    problems.AddRange(result.Errors);
                    break;
            }
        }
        foreach (var problem in problems)
            Errors.TryAdd(problem.Field, problem.Message);
        ShowPosted(version);
        SendBackDraft = form["opmerking"].ToString();
        if (!IsNew)
            await LoadThreadAsync();
        Response.StatusCode = Conflict is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        return Page();
    }

    private void ApplyAction(string? action)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        switch (action)
        {
            case null or "" or "opslaan":
                return;
            case "aanbieden":
                Item.SubmitForReview();
                return;
        }
        if (!CanPublish)
            throw new ContentRuleException("Je rol mag niet publiceren, inplannen, terugzetten of archiveren. Bied het aan ter beoordeling.");
        switch (action)
        {
            case "publiceren":
                Item.Publish(now);
                break;
            case "inplannen":
                var (moment, problem) = MomentText.Parse("inplannen_op", Request.Form["inplannen_op"].ToString());
                if (problem is not null || string.IsNullOrWhiteSpace(Request.Form["inplannen_op"]))
                    throw new ContentRuleException("Kies een datum en tijd om te publiceren.");
                if (moment <= now)
                    throw new ContentRuleException("Kies een moment in de toekomst, of publiceer nu.");
                Item.Publish(moment);
                break;
            case "concept":
                Item.Unpublish();
                break;
            case "terugsturen":
                Item.SendBack();
                break;
            case "archiveren":
                Item.Archive();
                break;
            default:
                throw new ContentRuleException("Onbekende actie.");
        }
    }

    /// <summary>Loads or creates the item and checks who may touch it. Returns a refusal, or null to go on.</summary>
    private async Task<IActionResult?> LoadAsync(string key, string? type)
    {
        CanPublish = await authorization.MayPublishAsync(User);
        if (key == "nieuw")
        {
            if (!Dutch.TryParse<ContentType>(type, out var kind))
                return NotFound();
            Item = ContentFields.Create(kind);
            Item.Author = User.Identity!.Name!;
        }
        else if (int.TryParse(key, out var id) && await store.LoadForEditAsync(id) is { } found)
            Item = found;
        else
            return NotFound();

        if (!EditorAccess.MayView(Item, User, CanPublish))
            return Forbid();
        ReadOnly = !EditorAccess.MayWorkOn(Item, User, CanPublish);

        Fields = ContentFields.For(Item.Kind).Where(f => !ContentFields.WorkflowKeys.Contains(f.Key)).ToList();
        var targets = Fields.Where(f => f.Target is not null).Select(f => f.Target!.Value).Distinct().ToList();
        foreach (var target in targets)
            Options[target] = [];
        foreach (var (target, slug, title) in await db.Items.ChoicesAsync(targets, HttpContext.RequestAborted))
            Options[target].Add((slug, title));
        if (!ReadOnly)
            Images = await db.Media.AsNoTracking().Where(m => m.ContentType.StartsWith("image/"))
                .OrderByDescending(m => m.UploadedAt).Take(ImagePickerSize).ToListAsync(HttpContext.RequestAborted);
        return null;
    }

    /// <summary>The review remarks, and for a read-only view the history, with people's names.</summary>
    private async Task LoadThreadAsync()
    {
        if (IsNew)
            return;
        Remarks = await thread.ForAsync(Item.Id, HttpContext.RequestAborted);
        if (ReadOnly)
            Revisions = await store.RevisionsAsync(Item.Id, HttpContext.RequestAborted);
        Names = await names.ForAsync(Revisions.Select(r => r.Author).Append(Item.Author), HttpContext.RequestAborted);
    }

    private void Show(ContentItem item)
    {
        foreach (var field in Fields)
        {
            var value = field.Write(item);
            if (field.Kind is FieldKind.Links or FieldKind.Link or FieldKind.Choices)
                Selected[field.Key] = (value?.List ?? (value?.Scalar is { } one ? [one] : [])).ToHashSet();
            else
                Values[field.Key] = ForInput(field.Kind, value?.Scalar ?? "");
        }
        Body = item.Body;
        Slug = item.Slug;
        PrivateEmail = (item as Kennisplatform.Content.Connectors.Connector)?.ContactEmail ?? "";
        Version = item.Version;
    }

    private void ShowPosted(int version)
    {
        var form = Request.Form;
        foreach (var field in Fields)
        {
            if (field.Kind is FieldKind.Links or FieldKind.Link or FieldKind.Choices)
                Selected[field.Key] = form["f." + field.Key].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToHashSet();
            else
                Values[field.Key] = form["f." + field.Key].ToString();
        }
        Body = form["body"].ToString();
        Slug = form["slug"].ToString();
        PrivateEmail = form["prive_email"].ToString();
        Version = version;
    }

    /// <summary>Date and time inputs want "2026-03-12T19:30"; content files write "2026-03-12 19:30".</summary>
    private static string ForInput(FieldKind kind, string value) => kind switch
    {
        FieldKind.Moment when value.Length == 10 => value + "T00:00",
        FieldKind.Moment when value.Length >= 16 => value[..16].Replace(' ', 'T'),
        _ => value,
    };
}
