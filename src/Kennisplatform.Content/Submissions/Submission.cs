using Kennisplatform.Content.Cases;

namespace Kennisplatform.Content.Submissions;

/// <summary>
/// An experience shared by someone without an account. The story becomes a draft case that editors review; the
/// contact details stay here, apart from the content, and are never published or exported.
/// </summary>
public class Submission
{
    public int Id { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public bool MayContact { get; set; }
    public int CaseId { get; set; }
    public Case Case { get; set; } = null!;
}
