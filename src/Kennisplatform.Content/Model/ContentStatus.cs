namespace Kennisplatform.Content.Model;

public enum ContentStatus
{
    [Dutch("concept", "Concept")] Draft,
    [Dutch("ter-beoordeling", "Ter beoordeling")] InReview,
    [Dutch("gepubliceerd", "Gepubliceerd")] Published,
    [Dutch("gearchiveerd", "Gearchiveerd")] Archived,
}
