import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a JVMTI agent into a running JVM: {@code java bench/profile/Attach.java PID AGENT OPTIONS}.
 * async-profiler's own launcher is not in its Maven artifact, and {@code jcmd JVMTI.agent_load}
 * does not pass the options through to it, so the profiler is started and stopped this way.
 */
public class Attach {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: java Attach.java PID AGENT_PATH OPTIONS");
      System.exit(2);
    }
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgentPath(args[1], args[2]);
    } finally {
      vm.detach();
    }
  }
}
