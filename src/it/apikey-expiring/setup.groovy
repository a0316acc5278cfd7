import io.github.edgeaddons.sim.ItSupport
import java.time.LocalDate

ItSupport.start(context)
// the date Partner Center would show for a key that expires in five days
context.userProperties.put('edge.apiKeyExpires', LocalDate.now().plusDays(5).toString())
