namespace Avts.Web.Hubs;

/// <summary>Anything the broadcaster sends to hub clients: it is addressed by its stream's name.</summary>
public interface ISyncMessage
{
    /// <summary>The stream the message is about.</summary>
    string Stream { get; }
}
