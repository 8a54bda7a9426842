namespace Capteur.Node.Engine
{
    /// <summary>
    /// ESPHome's <c>reboot_timeout</c> for the broker link: a node that has not been online for
    /// <c>node.reboot_timeout_s</c>, counted from its start or from the last moment it was online, is due for a reboot.
    /// Reconnecting with backoff cures a broker outage; a reboot also cures what no reconnect does (a wedged radio or IP
    /// stack, a fragmented heap). Pure logic over uptime: the firmware asks <see cref="IsDue"/> from its network loop and
    /// does the reboot itself.
    /// </summary>
    public sealed class RebootSupervisor
    {
        private readonly long _timeoutMs;
        private long _lastOnlineMs;

        /// <summary>
        /// A supervisor started at uptime <paramref name="startMs"/>; <paramref name="timeoutS"/> 0 never asks for a
        /// reboot.
        /// </summary>
        public RebootSupervisor(int timeoutS, long startMs)
        {
            _timeoutMs = timeoutS <= 0 ? 0 : timeoutS * 1000L;
            _lastOnlineMs = startMs;
        }

        /// <summary>The timeout in milliseconds, 0 when off.</summary>
        public long TimeoutMs
        {
            get { return _timeoutMs; }
        }

        /// <summary>
        /// Notes whether the node is online at uptime <paramref name="nowMs"/>; true when it has been offline for the
        /// whole timeout and should reboot now.
        /// </summary>
        public bool IsDue(bool online, long nowMs)
        {
            if (online)
            {
                _lastOnlineMs = nowMs;
                return false;
            }

            return _timeoutMs > 0 && nowMs - _lastOnlineMs >= _timeoutMs;
        }

        /// <summary>Milliseconds since the node was last seen online (or since the start), as of <paramref name="nowMs"/>.</summary>
        public long OfflineMs(long nowMs)
        {
            return nowMs - _lastOnlineMs;
        }

        /// <summary>The log line of a reboot: <c>no MQTT connection for 901 s (node.reboot_timeout_s=900): rebooting</c>.</summary>
        public string Reason(long nowMs)
        {
            return "no MQTT connection for " + (OfflineMs(nowMs) / 1000).ToString() + " s (node.reboot_timeout_s="
                + (_timeoutMs / 1000).ToString() + "): rebooting";
        }
    }
}
