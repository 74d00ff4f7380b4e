import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Scores raw CSV rows (numeric columns in training order) with a prunekit ONNX export: Score MODEL.onnx ROWS.csv */
public class Score {
    public static void main(String[] args) throws Exception {
        var env = OrtEnvironment.getEnvironment();
        double[][] rows = Files.readAllLines(Path.of(args[1])).stream().skip(1)
                .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
        var out = env.createSession(args[0]).run(Map.of("numeric", OnnxTensor.createTensor(env, rows)));
        System.out.println(Arrays.toString((String[]) out.get("label").get().getValue()));
    }
}
