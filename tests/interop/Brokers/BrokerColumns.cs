namespace Capteur.Interop.Tests.Brokers;

/// <summary>The columns of the brokers table, in the order the matrix shows them.</summary>
internal static class BrokerColumns
{
    /// <summary>The peer started from its package and answered a CONNECT.</summary>
    public const string Starts = "starts";

    /// <summary>Three virtual nodes at QoS 1, every seq audited by `capteur watch --json`.</summary>
    public const string Qos1Audit = "QoS 1 audit";

    /// <summary>A fresh subscriber sees the node's retained status.</summary>
    public const string RetainedStatus = "retained status";

    /// <summary>A killed node is announced offline by its last will.</summary>
    public const string LastWill = "last will";

    /// <summary>+ and # subscriptions get exactly the matching topics.</summary>
    public const string Wildcards = "wildcards";

    /// <summary>QoS 2 subscribe and publish.</summary>
    public const string Qos2 = "QoS 2";

    /// <summary>An MQTT 5 connection and round trip.</summary>
    public const string Mqtt5 = "MQTT 5";

    /// <summary>Every column, in order.</summary>
    public static readonly string[] All = [Starts, Qos1Audit, RetainedStatus, LastWill, Wildcards, Qos2, Mqtt5];

    /// <summary>The rows in the order of the issue: mosquitto first (the CI row), then the others.</summary>
    public static readonly string[] RowOrder = ["mosquitto", "RabbitMQ", "ActiveMQ", "Aedes", "Mosca"];
}
