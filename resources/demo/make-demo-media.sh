#!/bin/sh
# Rebuilds resources/demo/media: copies the public-domain portraits, films a slow pan over one of them
# with a generated tone as sound, and draws the generated images. See LICENSES.md for what each file is.
# Needs ffmpeg (libx264) and the project's node_modules (sharp). FACES may point to another copy of the portraits.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
faces=${FACES:-$here/../../../shared/fixtures/faces}
pd="$here/media/public-domain"
gen="$here/media/generated"
mkdir -p "$pd" "$gen"

for f in obama.jpg biden.jpg two_people.jpg astronaut.png pd-collage-12.jpg; do
  install -m 644 "$faces/$f" "$pd/$f"
done

# 4 s at 25 fps: zoom from 1.0 to 1.25 while panning right, so the faces move across the frame
# (the still is upscaled first so the pan moves smoothly instead of in whole-pixel jumps).
ffmpeg -hide_banner -loglevel error -y \
  -loop 1 -i "$faces/two_people.jpg" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=4" \
  -f lavfi -i "anoisesrc=color=pink:amplitude=0.05:sample_rate=48000:duration=4" \
  -filter_complex "[0:v]scale=2560:-2,crop=2560:1440,zoompan=z='1+0.25*on/100':x='(iw-iw/zoom)*on/100':y='(ih-ih/zoom)/2':d=100:s=640x360:fps=25,format=yuv420p[v];[1:a]volume=0.3[s];[s][2:a]amix=inputs=2:duration=shortest[a]" \
  -map "[v]" -map "[a]" -t 4 \
  -c:v libx264 -preset slow -crf 28 -profile:v main -c:a aac -b:a 64k -ac 1 \
  -movflags +faststart -metadata creation_time=2026-06-12T10:00:00Z \
  "$pd/portrait-pan.mp4"

node "$here/make-demo-images.mjs" "$gen"
