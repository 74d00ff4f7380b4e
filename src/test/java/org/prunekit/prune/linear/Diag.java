package org.prunekit.prune.linear;
import org.prunekit.testing.ReferenceCases;
public class Diag {
  public static void main(String[] a) throws Exception {
    for (var f : ReferenceCases.files("glmnet")) {
      var json = ReferenceCases.read(f);
      for (double th : new double[]{1e-14, 1e-12, 1e-10}) {
        long t = System.nanoTime();
        LogisticPath p = LogisticPathSolver.fit(GlmnetCase.problem(json), GlmnetCase.options(json).withThresh(th));
        double maxd = 0;
        for (int l = 0; l < p.size(); l++) { var b = json.get("beta").get(l); for (int j = 0; j < b.size(); j++) maxd = Math.max(maxd, Math.abs(b.get(j).asDouble() - p.at(l).beta()[0][j])); }
        System.out.println(f.getFileName() + " th=" + th + " passes=" + p.passes() + " ms=" + (System.nanoTime() - t) / 1e6 + " maxdiff=" + maxd);
      }
    }
  }
}
