package org.prunekit.run.spark;

import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * An HDFS for tests: a NameNode and one DataNode in this JVM (Hadoop's {@code MiniDFSCluster}), every port on
 * 127.0.0.1, its storage in a folder the test owns.
 */
final class MiniHdfs implements AutoCloseable {

    private final MiniDFSCluster cluster;

    MiniHdfs(File storage) throws IOException {
        Configuration conf = new Configuration();
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        cluster = new MiniDFSCluster.Builder(conf, storage).numDataNodes(1).build();
        cluster.waitActive();
    }

    /** Copies {@code local} to {@code remote} (an absolute HDFS path) and returns its {@code hdfs://} URI. */
    String upload(File local, String remote) throws IOException {
        cluster.getFileSystem().copyFromLocalFile(new Path(local.toURI()), new Path(remote));
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort() + remote;
    }

    @Override
    public void close() {
        cluster.shutdown();
    }
}
