namespace Kennisplatform.Content.Model;

/// <summary>A rule an item breaks. <see cref="Field"/> is the front-matter key, so a file import can point at the line.</summary>
public sealed record ValidationError(string Field, string Message);

/// <summary>Thrown when a state change is not allowed; the message is Dutch and meant for people.</summary>
public sealed class ContentRuleException(string message) : InvalidOperationException(message);
