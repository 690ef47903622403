namespace Kennisplatform.Content.Contact;

public enum ContactTarget { Editors, Connector, Case }

/// <summary>
/// A question sent through a contact form and relayed by mail. A record of its own: never published, exported or
/// revisioned, deleted when its retention ends. Only accepted messages are stored, so they are also what the limit
/// per address counts.
/// </summary>
public class ContactMessage
{
    public int Id { get; set; }
    public DateTime ReceivedAt { get; set; }
    public ContactTarget Target { get; set; }
    /// <summary>The connector or case the question is about; null for a message to the editors.</summary>
    public int? ItemId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Message { get; set; } = "";
    /// <summary>A hash of the sender's network address, for the limit per address; never the address itself.</summary>
    public string SenderKey { get; set; } = "";
}
