package com.example.assay.similarity;

import io.assay.spi.AssayPlugin;
import io.assay.spi.ResultSinkFactory;
import io.assay.spi.RewardCheckFactory;
import java.util.List;

/**
 * An example third-party plugin, built only against the SPI: a {@code similarity} reward check
 * and a {@code csv} result sink. Registered in {@code META-INF/services/io.assay.spi.AssayPlugin}.
 */
public final class SimilarityPlugin implements AssayPlugin {

    @Override
    public List<RewardCheckFactory> rewardChecks() {
        return List.of(new SimilarityCheckFactory());
    }

    @Override
    public List<ResultSinkFactory> resultSinks() {
        return List.of(new CsvSinkFactory());
    }
}
