namespace Capteur.Node.Shell
{
    /// <summary>How the node's wiring restarts the node (a board reboots; a virtual node rebuilds itself).</summary>
    public interface INodeRestart
    {
        /// <summary>
        /// Restarts the node on the config now stored. Called from the console's thread after the command's output
        /// was written; <paramref name="why"/> is for the log.
        /// </summary>
        void Restart(string why);
    }
}
