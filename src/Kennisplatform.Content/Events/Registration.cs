namespace Kennisplatform.Content.Events;

public enum RegistrationStatus { Confirmed, Waiting, Cancelled }

/// <summary>
/// Someone signed up for an event. A record of its own: never revisioned, exported or published, and deleted some
/// days after the event (the retention job). The cancel link's code is stored as a hash only.
/// </summary>
public class Registration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event Event { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Organisation { get; set; } = "";
    /// <summary>What the person needs to take part: accessibility, diet, ...</summary>
    public string Needs { get; set; } = "";
    public RegistrationStatus Status { get; set; }
    public string CancelCodeHash { get; set; } = "";

    public bool IsActive => Status is not RegistrationStatus.Cancelled;

    public void Cancel() => Status = RegistrationStatus.Cancelled;

    /// <summary>From the waiting list to a place.</summary>
    public void MoveUp()
    {
        if (Status is not RegistrationStatus.Waiting)
            throw new InvalidOperationException("Only a registration on the waiting list moves up.");
        Status = RegistrationStatus.Confirmed;
    }
}
