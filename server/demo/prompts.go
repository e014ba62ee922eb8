package demo

import (
	mathrand "math/rand/v2"
	"strings"
)

// Word lists that prompts are composed from. They follow what studio teams
// type: a subject, a setting, a look, light and lens, then small tweaks.

var subjects = []string{
	"a matte black wireless earbud case",
	"a ceramic pour-over coffee set",
	"a red vintage road bicycle leaning against a brick wall",
	"an elderly fisherman mending nets",
	"a corgi wearing a yellow raincoat",
	"a glass perfume bottle with a brass cap",
	"a cozy reading nook with a knitted blanket",
	"a skateboarder mid-kickflip",
	"a bowl of tonkotsu ramen with a soft-boiled egg",
	"a minimalist living room with oak furniture",
	"a knight in weathered armor",
	"a pair of sneakers with translucent soles",
	"a young botanist sketching ferns",
	"a stack of pastel macarons",
	"an electric hatchback in sage green",
	"a lighthouse on a rocky coast",
	"a jazz trio on a small stage",
	"a sourdough loaf on a linen cloth",
	"a snow leopard on a ridge",
	"a modular synthesizer covered in patch cables",
	"a smartwatch with a woven strap",
	"a tiny house in a pine forest",
	"a street food vendor grilling skewers",
	"a retro-futuristic robot barista",
}

var settings = []string{
	"on a seamless pastel backdrop",
	"in a sunlit greenhouse",
	"on a rain-soaked street at night",
	"on a marble countertop",
	"in a foggy pine forest",
	"against a terracotta wall",
	"in a busy night market",
	"on a windswept beach",
	"in a brutalist concrete lobby",
	"floating in a white void",
	"in a Scandinavian kitchen",
	"on top of a desert mesa",
	"in a cluttered artist studio",
	"under cherry blossoms",
}

var styles = []string{
	"editorial photograph",
	"35mm film photo",
	"studio product shot",
	"watercolor illustration",
	"isometric 3D render",
	"cinematic still",
	"flat vector illustration",
	"claymation scene",
	"anime key visual",
	"hyperrealistic photo",
	"gouache painting",
	"Polaroid snapshot",
}

var lights = []string{
	"soft diffused light",
	"golden hour backlight",
	"dramatic rim lighting",
	"overcast daylight",
	"neon reflections",
	"high-key lighting",
	"moody low-key lighting",
	"warm tungsten glow",
	"hard noon sun with crisp shadows",
}

var cameras = []string{
	"shot on 85mm at f/1.8",
	"wide angle",
	"top-down flat lay",
	"macro close-up",
	"low angle",
	"eye-level medium shot",
	"35mm lens, slight film grain",
	"telephoto compression",
}

var details = []string{
	"shallow depth of field",
	"high detail",
	"muted color palette",
	"bold complementary colors",
	"clean composition with negative space for text",
	"centered composition",
	"subtle film grain",
	"rich textures",
	"no text",
	"4k, sharp focus",
}

var designItems = []string{
	"a poster",
	"a logo concept",
	"packaging artwork",
	"a hero banner",
	"an app icon",
	"a menu cover",
	"an album cover",
	"a set of social media tiles",
}

var brands = []string{
	"a small-batch coffee roaster called Ember & Oak",
	"a jazz night called Blue Hour",
	"a running club called Early Miles",
	"an indie game studio called Paper Moth",
	"a ceramics studio called Kiln Nine",
	"a citrus soda called Zest Theory",
	"a bike repair shop called Spoke & Chain",
	"a bakery called Morning Crumb",
	"a climbing gym called Crux Hall",
}

var designStyles = []string{
	"bold Swiss typography",
	"hand-drawn linework",
	"risograph texture",
	"flat geometric shapes",
	"art deco ornament",
	"playful 70s lettering",
	"clean minimal layout",
}

var palettes = []string{
	"limited palette of navy and coral",
	"warm earth tones",
	"black and gold",
	"pastel mint and lilac",
	"high-contrast black and white",
	"sunset orange and deep teal",
}

var cameraMoves = []string{
	"Slow dolly-in on",
	"Orbiting shot around",
	"Handheld tracking shot following",
	"Drone flyover of",
	"Static wide shot of",
	"Smooth crane shot rising over",
	"Close-up push-in on",
}

var actions = []string{
	"steam rising gently",
	"leaves drifting in the wind",
	"the camera pulls back to reveal the skyline",
	"light shifting from dawn to morning",
	"rain starting to fall",
	"the subject turns toward the camera and smiles",
	"particles of dust catching the light",
	"waves rolling in slow motion",
	"fabric rippling in a soft breeze",
}

var videoLooks = []string{
	"cinematic, 24fps",
	"shallow depth of field, anamorphic lens flare",
	"documentary style",
	"commercial look, clean grade",
	"dreamy, soft focus",
}

var imageNegatives = []string{
	"blurry, low resolution, watermark, text",
	"extra fingers, deformed hands, distorted face",
	"oversaturated, cartoon, plastic skin",
	"people, crowds, logos",
	"jpeg artifacts, noise, frame, border",
}

var videoNegatives = []string{
	"flicker, warping, morphing faces",
	"motion blur, jitter, low quality",
	"text, watermark, subtitles",
}

// theme is the idea behind one session. Each generation of the session
// prompts a variation of it, as people do when they iterate on a shot.
type theme struct {
	video  bool
	design bool

	subject, setting, style, light, camera, detail string
	designItem, brand, designStyle, palette        string
	move, action, look                             string

	// tweak is an instruction appended after a few tries, such as "more
	// contrast", and empty before.
	tweak string
}

var tweaks = []string{
	"more contrast",
	"warmer tones",
	"less clutter in the background",
	"make it feel more premium",
	"closer crop",
	"brighter, more playful",
	"keep the same composition",
}

// newTheme draws the idea of a session.
func newTheme(rng *mathrand.Rand, video bool) *theme {
	t := &theme{
		video:   video,
		design:  !video && chance(rng, 0.18),
		subject: pick(rng, subjects),
		setting: pick(rng, settings),
		style:   pick(rng, styles),
		light:   pick(rng, lights),
		camera:  pick(rng, cameras),
		detail:  pick(rng, details),
	}
	if t.design {
		t.designItem = pick(rng, designItems)
		t.brand = pick(rng, brands)
		t.designStyle = pick(rng, designStyles)
		t.palette = pick(rng, palettes)
	}
	if video {
		t.move = pick(rng, cameraMoves)
		t.action = pick(rng, actions)
		t.look = pick(rng, videoLooks)
	}
	return t
}

// vary changes one part of the theme, or nothing, since people also run the
// same prompt again for another result.
func (t *theme) vary(rng *mathrand.Rand) {
	switch rng.IntN(7) {
	case 0, 1:
		// Same prompt again.
	case 2:
		t.light = pick(rng, lights)
	case 3:
		t.camera = pick(rng, cameras)
		t.move = pick(rng, cameraMoves)
	case 4:
		t.detail = pick(rng, details)
		t.palette = pick(rng, palettes)
	case 5:
		t.style = pick(rng, styles)
		t.designStyle = pick(rng, designStyles)
		t.action = pick(rng, actions)
	case 6:
		t.tweak = pick(rng, tweaks)
	}
}

// prompt returns the theme as the text a person would type.
func (t *theme) prompt() string {
	var parts []string
	switch {
	case t.video:
		parts = []string{t.move + " " + t.subject + " " + t.setting, t.action, t.light, t.look}
	case t.design:
		parts = []string{capitalize(t.designItem) + " for " + t.brand, t.designStyle, t.palette}
	default:
		parts = []string{capitalize(t.style) + " of " + t.subject + " " + t.setting, t.light, t.camera, t.detail}
	}
	if t.tweak != "" {
		parts = append(parts, t.tweak)
	}
	return strings.Join(parts, ", ")
}

// negativePrompt returns a negative prompt suited to the theme.
func (t *theme) negativePrompt(rng *mathrand.Rand) string {
	if t.video {
		return pick(rng, videoNegatives)
	}
	return pick(rng, imageNegatives)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
