package io.assay.checks;

import io.assay.spi.InvalidOptionException;
import io.assay.spi.Options;
import io.assay.spi.RewardCheck;
import io.assay.spi.RewardCheckFactory;
import java.util.List;
import java.util.regex.Pattern;

/** {@code {type: state_match, ignore: ["orders.*.updated_at"]}}. */
final class StateMatchCheckFactory implements RewardCheckFactory {
    private static final Pattern PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

    @Override
    public String name() {
        return "state_match";
    }

    @Override
    public String description() {
        return "a tool environment's end state equals the state its gold actions produce (option: ignore)";
    }

    @Override
    public RewardCheck create(Options options, Context context) {
        options.allowOnly("type", "ignore");
        List<String> ignore = options.strings("ignore");
        for (String path : ignore) {
            if (!PATH.matcher(path).matches()) {
                throw new InvalidOptionException(options.field("ignore"), "expected dotted paths such as "
                        + "\"orders.*.updated_at\" (* matches any key), got \"" + path + "\"");
            }
        }
        return new StateMatchCheck(ignore.stream().map(path -> List.of(path.split("\\."))).toList());
    }
}
